import { Container, Graphics, Sprite, type Text } from 'pixi.js';
import { motion } from '../../motion/motion.ts';
import type { Tween } from '../../motion/tween.ts';
import { wordsOf } from '../../../i18n/words.ts';
import type { ShowClockState } from '../../../protocol/index.ts';
import { IDLE_CLOCK, clockText, readClock } from '../../../show-clock/clock.ts';
import { bakeSmooth } from '../../art/bake.ts';
import { FigureText } from '../../art/figure-text.ts';
import { loadFontWeights } from '../../fonts.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { Widget, WidgetContext } from '../../widget.ts';
import { softRoundedRect } from '../donation-meter/art.ts';
import { MeterResources, meterPanel, meterText, placeSoft } from '../donation-meter/parts.ts';

const WIDTH = 330;
const HEIGHT = 66;
const FIGURE_SIZE = 38;
const LABEL_SIZE = 17;
const FIGURE_CHARS = '0123456789:';
/** The emphasis: the time beats once a second, this much larger at the top of the beat. */
const BEAT_SCALE = 1.08;
const BEAT_SECONDS = 0.45;
/** The accent plate under the time in the last minutes. */
const PLATE_WIDTH = 132;

/** Stage units the clock takes from the top of the title-safe area (the region board sits below it). */
export function clockHeight(theme: Theme): number {
  return HEIGHT * theme.layout.scale;
}

/** Where the clock sits: the top right corner of the title-safe area, away from the meter (top left). */
export function clockBox(theme: Theme): { x: number; y: number; scale: number } {
  const { safe, scale } = theme.layout;
  return { x: Math.round(safe.x + safe.width - WIDTH * scale), y: safe.y, scale };
}

/**
 * The show clock (`widgets=…,clock`): a countdown to the end of the LIVE or the show's running time, read
 * from the server's clock state at the overlay's estimate of server time (so every overlay agrees, whatever
 * its PC's clock says). Panel and label are baked; the time is sprites on one glyph strip. It draws only when
 * the time it shows changes (the overlay wakes it at each new second) and while the last-minutes beat plays.
 */
export class ShowClock implements Widget {
  readonly name = 'show-clock';
  readonly view = new Container({ label: 'show-clock', isRenderGroup: true });
  private readonly resources = new MeterResources();
  private readonly figure: FigureText;
  private readonly labels: { countdown: Text; elapsed: Text };
  private readonly warnGlow: Sprite;
  private readonly warnPlate: Container;
  private state: ShowClockState = IDLE_CLOCK;
  private shown = '';
  private warning = false;
  private beat: Tween | null = null;
  private lastBeatSecond = -1;
  private destroyed = false;

  constructor(
    private readonly context: WidgetContext,
    private readonly serverNow: () => number,
  ) {
    const { theme, resolution } = context;
    const box = clockBox(theme);
    this.view.position.set(box.x, box.y);
    this.view.scale.set(box.scale);

    const panel = meterPanel(theme, WIDTH, HEIGHT, this.resources);
    const backdrop = new Container({ label: 'show-clock-backdrop' });
    backdrop.addChild(...panel.layers);
    const words = wordsOf(context.lang);
    const label = (text: string) =>
      meterText(theme, text, { x: 20, y: HEIGHT / 2 - LABEL_SIZE * 0.7, size: LABEL_SIZE, weight: theme.weights.heavy, color: theme.colors.label, letterSpacing: theme.labels.letterSpacing, resolution });
    this.labels = { countdown: label(words.clockCountdown), elapsed: label(words.clockElapsed) };
    this.view.addChild(bakeSmooth(backdrop, resolution * box.scale));

    // The emphasis in the last minutes: the accent glowing around the panel, and a plate of it under the time.
    const glow = this.resources.own(softRoundedRect(WIDTH, HEIGHT, theme.panel.radius, 18, theme.colors.accent, 1, 1));
    this.warnGlow = placeSoft(glow, 0);
    this.warnGlow.visible = false;
    this.view.addChildAt(this.warnGlow, 0);
    const plate = new Graphics().roundRect(0, 0, PLATE_WIDTH, HEIGHT - 16, Math.max(4, theme.panel.radius - 6)).fill({ color: theme.colors.accent });
    plate.position.set(WIDTH - 8 - PLATE_WIDTH, 8);
    this.warnPlate = bakeSmooth(new Container({ children: [plate] }), resolution * box.scale);
    this.warnPlate.visible = false;
    this.view.addChild(this.warnPlate, this.labels.countdown, this.labels.elapsed);

    const strip = this.resources.figureStrip(theme, FIGURE_SIZE, FIGURE_CHARS, resolution * box.scale);
    this.figure = new FigureText(strip, '00:00');
    this.figure.anchor.set(1, 0.5);
    this.figure.position.set(WIDTH - 8 - PLATE_WIDTH / 2, HEIGHT / 2);
    this.figure.anchor.set(0.5, 0.5);
    this.figure.tint = theme.colors.text;
    this.view.addChild(this.figure);
    this.show(true);
  }


  /** A newer clock state from the feed. */
  onClock(state: ShowClockState): void {
    if (state.revision < this.state.revision && state.revision !== 0) return;
    this.state = state;
    this.show(true);
  }

  /** Milliseconds until the time shown next changes (the overlay wakes the stage then); null while it stands still. */
  msUntilChange(): number | null {
    const reading = readClock(this.state, this.serverNow());
    if (!reading.running || reading.ended) return null;
    const intoSecond = reading.shownMs % 1000;
    // A countdown shows whole seconds rounded up: it changes when the remainder crosses a whole second.
    const wait = this.state.mode === 'countdown' ? intoSecond : 1000 - intoSecond;
    return (wait === 0 ? 1000 : wait) + 2;
  }

  update(): boolean {
    this.show(false);
    return this.beat !== null;
  }

  inspect(): Record<string, unknown> {
    const reading = readClock(this.state, this.serverNow());
    return { timeText: this.figure.text, shownMs: reading.shownMs, running: reading.running, mode: this.state.mode, warning: this.warning, revision: this.state.revision };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.beat?.kill();
    this.view.destroy({ children: true });
    this.resources.destroy();
  }

  private show(force: boolean): void {
    const reading = readClock(this.state, this.serverNow());
    const text = clockText(reading.shownMs, this.state.mode);
    if (!force && text === this.shown && reading.warning === this.warning) return;
    this.shown = text;
    this.figure.text = text;
    this.labels.countdown.visible = this.state.mode === 'countdown';
    this.labels.elapsed.visible = this.state.mode === 'elapsed';
    if (reading.warning !== this.warning) {
      this.warning = reading.warning;
      this.warnGlow.visible = reading.warning;
      this.warnPlate.visible = reading.warning;
      this.figure.tint = reading.warning ? 0xffffff : this.context.theme.colors.text;
    }
    // The beat: once for every new second of the last minutes while the clock runs.
    const second = Math.ceil(reading.shownMs / 1000);
    if (reading.warning && reading.running && !reading.ended && second !== this.lastBeatSecond && !this.context.theme.motion.reduced) {
      this.lastBeatSecond = second;
      this.beat?.kill();
      this.figure.scale.set(BEAT_SCALE);
      this.beat = motion.to(this.figure.scale, { x: 1, y: 1 }, {
        duration: BEAT_SECONDS,
        ease: 'power2.out',
        onComplete: () => (this.beat = null),
      });
    }
  }
}

export async function createShowClock(context: WidgetContext, serverNow: () => number): Promise<ShowClock> {
  const words = wordsOf(context.lang);
  await loadFontWeights(context.theme, [
    [context.theme.weights.heavy, words.clockCountdown + words.clockElapsed],
    [context.theme.weights.number, FIGURE_CHARS],
  ]);
  return new ShowClock(context, serverNow);
}
