import { bakeSmooth } from '../../art/bake.ts';
import { Container, Graphics, Text } from 'pixi.js';
import { motion } from '../../motion/motion.ts';
import type { Tween } from '../../motion/tween.ts';
import { loadFontWeights } from '../../fonts.ts';
import { staleSignLabel } from '../../../overlay-text/start-glyphs.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { Widget } from '../../widget.ts';
import { staleSignPosition } from './placement.ts';

/** Stage px at 1080p: 22 px text is 15 px at 720p, the smallest we set. */
const SIGN = {
  height: 44,
  padX: 18,
  dotRadius: 6,
  dotGap: 12,
  textSize: 22,
  /** The error card's amber: the one colour that means "something is off" on every theme. */
  amber: 0xffb020,
  fadeSeconds: 0.3,
  /** A slow breath: alive enough to tell the overlay has not frozen, calm enough to stay out of the way. */
  pulseMs: 1_800,
} as const;

/**
 * A small chip by the donation meter while the feed is out of reach: the totals on screen stay as they were,
 * and this says they may be behind. It fades in and out; while it shows, only its dot pulses. Hidden, it
 * costs no frame at all. main.ts decides when to show it (feed-health.ts).
 */
export class StaleSign implements Widget {
  readonly name = 'stale-sign';
  readonly view = new Container({ label: 'stale-sign', visible: false, alpha: 0 });
  private readonly dot: Graphics;
  private readonly label: string;
  private shown = false;
  private fade: Tween | null = null;
  private pulseMs = 0;
  private destroyed = false;

  static async create(theme: Theme, resolution: number): Promise<StaleSign> {
    const label = staleSignLabel(theme);
    await loadFontWeights(theme, [[theme.weights.regular, label]]); // the weight it is set in (see below)
    return new StaleSign(theme, resolution, label);
  }

  private constructor(
    private readonly theme: Theme,
    resolution: number,
    label: string,
  ) {
    this.label = label;
    const { colors } = theme;
    const text = new Text({
      text: label,
      resolution,
      style: {
        fontFamily: theme.fontFamily,
        fontWeight: String(theme.weights.regular) as '500',
        fontSize: SIGN.textSize,
        fill: colors.text,
        letterSpacing: theme.labels.uppercase ? theme.labels.letterSpacing : 0,
      },
    });
    const textX = SIGN.padX + SIGN.dotRadius * 2 + SIGN.dotGap;
    const width = Math.ceil(textX + text.width + SIGN.padX);
    text.position.set(textX, Math.round((SIGN.height - text.height) / 2));
    text.alpha = 0.9;
    const chip = new Graphics().roundRect(0, 0, width, SIGN.height, SIGN.height / 2).fill({ color: colors.panelBottom, alpha: Math.max(colors.panelAlpha, 0.85) });
    chip.roundRect(0, 0, width, SIGN.height, SIGN.height / 2).stroke({ color: SIGN.amber, alpha: 0.3, width: 1.5, alignment: 1 });
    this.dot = new Graphics().circle(0, 0, SIGN.dotRadius).fill(SIGN.amber);
    this.dot.position.set(SIGN.padX + SIGN.dotRadius, SIGN.height / 2);
    // Drawn shapes, baked smooth: the stage has no MSAA.
    this.view.addChild(bakeSmooth(chip, resolution), bakeSmooth(this.dot, resolution), text);
    const { x, y } = staleSignPosition(theme.layout, { width, height: SIGN.height });
    this.view.position.set(x, y);
  }

  /** Shows or hides the sign; returns whether that changed anything (the caller then wakes the clock). */
  setStale(stale: boolean): boolean {
    if (stale === this.shown || this.destroyed) return false;
    this.shown = stale;
    this.fade?.kill();
    if (stale) {
      this.view.visible = true;
      this.pulseMs = 0;
    }
    this.fade = motion.to(this.view, { alpha: stale ? 1 : 0 }, {
      duration: SIGN.fadeSeconds * this.theme.motion.durationScale,
      ease: 'power2.out',
      onComplete: () => {
        this.fade = null;
        if (!this.shown) this.view.visible = false;
      },
    });
    return true;
  }


  update(deltaMs: number): boolean {
    const pulsing = this.shown && !this.theme.motion.reduced;
    if (pulsing) {
      this.pulseMs = (this.pulseMs + deltaMs) % SIGN.pulseMs;
      this.dot.alpha = 0.65 + 0.35 * Math.cos((2 * Math.PI * this.pulseMs) / SIGN.pulseMs);
    }
    return this.fade !== null || pulsing;
  }

  inspect(): Record<string, unknown> {
    return { visible: this.view.visible, stale: this.shown, alpha: this.view.alpha, text: this.label };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.fade?.kill();
    this.fade = null;
    this.view.destroy({ children: true });
  }
}
