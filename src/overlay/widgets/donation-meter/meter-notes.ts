import { Container, Graphics, Text } from 'pixi.js';
import { bakeSmooth } from '../../art/bake.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import { batched } from '../../art/batched.ts';

/** Stage px at 1080p: 20 px is about 13 px at 720p, the size of the meter's own marker labels. */
const NOTES = { textSize: 20, padX: 16, padY: 7, lineGap: 2, gap: 10, radius: 10 } as const;

/** The stale-feed sign's widest chip and its row (its height and gap), to keep clear of. */
const STALE_SIGN_ROOM = { width: 300, height: 58 } as const;

/**
 * Small lines that qualify the meter, on a plate against its panel: what one market's viewers gave
 * (`market=`) and the amount in the viewer's own currency (`ref`). They sit on the side the celebration
 * banners use, at the panel's inner end (the stale-feed sign takes its outer end), and step aside while a
 * banner shows. Texts change only when the feed does, never per frame.
 */
export class MeterNotes {
  readonly view = new Container({ label: 'meter-notes', visible: false });
  private readonly plate = batched(new Graphics());
  private readonly lines: Text[];
  /** Whether a text or the plate's visibility changed since takeChanged was last asked. */
  private changed = false;

  constructor(
    private readonly theme: Theme,
    private readonly resolution: number,
    count: number,
  ) {
    this.view.addChild(this.plate);
    this.lines = Array.from({ length: count }, () =>
      this.view.addChild(
        new Text({
          text: '',
          resolution,
          style: {
            fontFamily: theme.fontFamily,
            fontWeight: String(theme.weights.regular) as '500',
            fontSize: NOTES.textSize,
            fill: theme.colors.text,
            // Room above and below for Thai and Vietnamese marks.
            lineHeight: Math.round(NOTES.textSize * 1.5),
            padding: 4,
          },
        }),
      ),
    );
  }

  /** What the lines say, for tests. */
  get texts(): string[] {
    return this.lines.map((line) => line.text);
  }

  /** Sets line `index`; the plate is re-laid only when a text changed. */
  show(index: number, text: string): void {
    const line = this.lines[index];
    if (!line || line.text === text) return;
    line.text = text;
    this.layout();
    this.changed = true;
  }

  /** Hidden while a celebration banner hangs where the notes sit. */
  setCelebrating(celebrating: boolean): void {
    const visible = !celebrating && this.lines.some((line) => line.text !== '');
    if (visible === this.view.visible) return;
    this.view.visible = visible;
    this.changed = true;
  }

  /** Whether anything it shows changed since the last call. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  private layout(): void {
    const shown = this.lines.filter((line) => line.text !== '');
    let y = NOTES.padY;
    let width = 0;
    for (const line of this.lines) {
      line.visible = line.text !== '';
      if (!line.visible) continue;
      line.position.set(NOTES.padX, y);
      y += line.height + NOTES.lineGap;
      width = Math.max(width, line.width);
    }
    const height = y - NOTES.lineGap + NOTES.padY;
    const plateWidth = Math.ceil(width + NOTES.padX * 2);
    const { colors } = this.theme;
    this.plate.clear().roundRect(0, 0, plateWidth, height, NOTES.radius).fill({ color: colors.panelBottom, alpha: Math.max(colors.panelAlpha, 0.85) });
    // The stage has no MSAA: the plate's rounded corners are smooth only baked (re-baked when a text changes).
    if (this.plate.isCachedAsTexture) this.plate.updateCacheTexture();
    else bakeSmooth(this.plate, this.resolution);
    this.view.visible = shown.length > 0;

    const { box, bannersBelow } = this.theme.layout.meter;
    const { safe } = this.theme.layout;
    const onRight = box.x + box.width / 2 > 960;
    const x = onRight ? box.x : box.x + box.width - plateWidth;
    // Beside a narrow meter (the thermometer) there is no room for the stale-feed sign next to the plate:
    // the plate then keeps clear of the sign's row (stale-sign/placement.ts: 44 px and a 14 px gap).
    const staleRow = plateWidth + STALE_SIGN_ROOM.width > box.width ? STALE_SIGN_ROOM.height : 0;
    const yAt = bannersBelow ? box.y + box.height + NOTES.gap + staleRow : box.y - NOTES.gap - staleRow - height;
    const clamp = (value: number, min: number, max: number) => Math.round(Math.min(Math.max(value, min), max));
    this.view.position.set(clamp(x, safe.x, safe.x + safe.width - plateWidth), clamp(yAt, safe.y, safe.y + safe.height - height));
  }

  destroy(): void {
    this.plate.cacheAsTexture(false);
    this.view.destroy({ children: true });
  }
}
