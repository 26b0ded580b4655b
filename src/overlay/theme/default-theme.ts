/**
 * The look of the overlay in one place. The theme system (URL parameters -> Theme) will build on this
 * shape; until then every widget reads its colours, fonts and placement from here and nowhere else.
 */
export interface Theme {
  readonly fontFamily: string;
  /** Font weights the overlay loads; anything else would fall back to a synthetic bold. */
  readonly weights: { readonly regular: number; readonly heavy: number };
  readonly colors: {
    readonly panelTop: number;
    readonly panelBottom: number;
    readonly panelAlpha: number;
    readonly panelEdge: number;
    readonly shadow: number;
    readonly text: number;
    readonly textMuted: number;
    readonly label: number;
    readonly accent: number;
    readonly track: number;
    /** The fill runs from warm coral at the start of the bar to gold at the goal. */
    readonly fillStops: readonly number[];
    readonly marker: number;
    readonly markerReached: number;
    readonly celebration: number;
    readonly celebrationText: number;
  };
  readonly donationMeter: {
    /** Top-left corner on the 1920x1080 stage (inside the 5% title-safe margin: x >= 96, y >= 54). */
    readonly x: number;
    readonly y: number;
    readonly width: number;
    /** Seconds for the fill and the counter to reach a new value. */
    readonly fillSeconds: number;
    /** Seconds a milestone celebration stays on screen. */
    readonly celebrationSeconds: number;
  };
}

export const defaultTheme: Theme = {
  fontFamily: 'Noto Sans JP',
  weights: { regular: 500, heavy: 800 },
  colors: {
    panelTop: 0x1b2a4e,
    panelBottom: 0x0e1630,
    panelAlpha: 0.94,
    panelEdge: 0xffffff,
    shadow: 0x050914,
    text: 0xffffff,
    textMuted: 0xaab6d3,
    label: 0xffb59a,
    accent: 0xff6f61,
    track: 0x070c1f,
    fillStops: [0xff5f6d, 0xff9a6b, 0xffc65c],
    marker: 0xc9d3ec,
    markerReached: 0xffd36e,
    celebration: 0xffd36e,
    celebrationText: 0x1a1330,
  },
  donationMeter: {
    x: 96,
    y: 54,
    width: 820,
    fillSeconds: 1.2,
    celebrationSeconds: 3,
  },
};
