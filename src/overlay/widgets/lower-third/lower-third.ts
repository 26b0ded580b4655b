import type { Timeline } from '../../motion/timeline.ts';
import { Container } from 'pixi.js';
import { planPresentation } from '../../../lower-third/index.ts';
import type { Language, LowerThirdState, OnAirCard } from '../../../protocol/index.ts';
import { loadFonts } from '../../fonts.ts';
import type { Theme } from '../../../theme/theme.ts';
import type { Widget, WidgetContext, WidgetFactory } from '../../widget.ts';
import type { PhotoShape } from './art.ts';
import { cardWords } from '../../../lower-third/card-words.ts';
import type { TextPicker } from '../../../i18n/pick-text.ts';
import { glyphsOf } from './model.ts';
import { entrance, exit, update } from './motion.ts';
import { LowerThirdCardView, TEXT_ROLES, prepareContent, type CardContent } from './view.ts';

export type LowerThirdPhase = 'hidden' | 'preparing' | 'entering' | 'shown' | 'updating' | 'leaving';

export interface LowerThirdOptions {
  /** The photo's crop. */
  photoShape: PhotoShape;
}

/**
 * The lower-third widget. The feed server owns the state (src/lower-third); this widget plays what it
 * takes to get from the card on screen to the card on air: an entrance, an update in place, an exit, or
 * an exit then an entrance for the next card. Fonts and photo are loaded before a card is drawn.
 *
 * One move plays at a time: a state that arrives mid-move waits for it to end (under a second), and only
 * the newest waiting state is played, so a burst of commands never queues a burst of animations.
 */
export class LowerThird implements Widget {
  static defaultOptions: LowerThirdOptions = { photoShape: 'circle' };

  readonly name = 'lower-third';
  readonly view = new Container({ label: 'lower-third' });
  private readonly theme: Theme;
  private readonly lang: Language;
  private readonly locale: string;
  private readonly pick: TextPicker;
  private readonly resolution: number;
  private readonly options: LowerThirdOptions;
  private onScreen: { card: OnAirCard; view: LowerThirdCardView } | null = null;
  private shownRevision = -1;
  private waiting: LowerThirdState | null = null;
  private working = false;
  private playing: Timeline | null = null;
  private phase: LowerThirdPhase = 'hidden';
  private destroyed = false;

  constructor(context: WidgetContext, options: Partial<LowerThirdOptions> = {}) {
    this.theme = context.theme;
    this.lang = context.lang;
    this.locale = context.theme.locale;
    this.pick = context.text;
    this.resolution = context.resolution;
    this.options = { ...LowerThird.defaultOptions, ...options };
  }


  onLowerThird(state: LowerThirdState): void {
    this.waiting = state;
    void this.work();
  }

  /**
   * Frames are needed while a change plays, and also while its fonts and photo load (a fraction of a
   * second): the widget has no clock of its own to wake when loading ends.
   */
  update(): boolean {
    return this.working;
  }

  inspect(): Record<string, unknown> {
    const view = this.onScreen?.view;
    return {
      phase: this.phase,
      cueId: this.onScreen?.card.cueId ?? null,
      revision: this.shownRevision,
      texts: view?.content.texts ?? null,
      hasPhoto: view ? view.parts.photo !== null : false,
      fit: view ? Object.fromEntries(TEXT_ROLES.map((role) => [role, { scaleX: view.layout.texts[role].scaleX, scaleY: view.layout.texts[role].scaleY }])) : null,
      textWidths: view ? Object.fromEntries(TEXT_ROLES.map((role) => [role, view.layout.texts[role].width])) : null,
      bounds: view?.stageBounds ?? null,
      safe: this.theme.layout.safe,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.waiting = null;
    this.playing?.kill();
    this.onScreen?.view.destroy();
    this.onScreen = null;
    this.view.destroy({ children: true });
  }

  /** Plays the newest waiting state; loops until nothing waits. */
  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      while (this.waiting !== null && !this.destroyed) {
        const state = this.waiting;
        this.waiting = null;
        await this.present(state);
      }
    } catch (error) {
      console.error('lower third: could not play a change:', error);
    } finally {
      this.working = false;
    }
  }

  private async present(state: LowerThirdState): Promise<void> {
    const plan = planPresentation(this.onScreen?.card ?? null, state);
    this.shownRevision = Math.max(this.shownRevision, state.revision);
    switch (plan.kind) {
      case 'none':
        return;
      case 'enter':
        return this.enter(plan.card, this.prepare(plan.card));
      case 'exit':
        return this.leave();
      case 'swap': {
        const next = this.prepare(plan.card); // loads while the old card leaves
        await this.leave();
        return this.enter(plan.card, next);
      }
      case 'update':
        return this.change(plan.card);
    }
  }

  private async prepare(card: OnAirCard): Promise<CardContent> {
    const texts = cardWords(card, this.lang, this.locale, this.pick);
    const [content] = await Promise.all([prepareContent(texts, card.photo), loadFonts(this.theme, glyphsOf(texts))]);
    return content;
  }

  private async enter(card: OnAirCard, content: Promise<CardContent>): Promise<void> {
    this.phase = 'preparing';
    const ready = await content;
    // A newer state that came while loading (a hide, another take) wins: this card never shows.
    if (this.waiting !== null || this.destroyed) {
      this.phase = 'hidden';
      return;
    }
    const view = new LowerThirdCardView(ready, { theme: this.theme, resolution: this.resolution, photoShape: this.options.photoShape });
    this.view.addChild(view.root);
    this.onScreen = { card, view };
    this.phase = 'entering';
    await this.play(entrance(view, this.theme.motion.durationScale));
    this.phase = 'shown';
  }

  private async leave(): Promise<void> {
    const leaving = this.onScreen;
    if (!leaving) return;
    this.phase = 'leaving';
    await this.play(exit(leaving.view, this.theme.motion.durationScale));
    leaving.view.destroy();
    if (this.onScreen === leaving) this.onScreen = null;
    this.phase = 'hidden';
  }

  private async change(card: OnAirCard): Promise<void> {
    const shown = this.onScreen;
    if (!shown) return;
    this.phase = 'updating';
    const content = await this.prepare(card);
    if (this.destroyed) return;
    const change = shown.view.prepareUpdate(content);
    shown.card = card;
    await this.play(update(shown.view, change, this.theme.motion.durationScale));
    this.phase = 'shown';
  }

  /** Runs a paused timeline to its end on the overlay's clock. */
  private play(timeline: Timeline): Promise<void> {
    this.playing = timeline;
    return new Promise((resolve) => {
      timeline.onComplete = () => {
        this.playing = null;
        resolve();
      };
      timeline.play();
    });
  }
}

export const createLowerThird: WidgetFactory = (context) => new LowerThird(context);
