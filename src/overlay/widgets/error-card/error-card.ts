import { bakeSmooth } from '../../art/bake.ts';
import { Container, Graphics, Text } from 'pixi.js';
import { motion } from '../../motion/motion.ts';
import type { Timeline } from '../../motion/timeline.ts';
import { loadFonts } from '../../fonts.ts';
import type { ParamProblem } from '../../../theme/parse-params.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { Widget } from '../../widget.ts';
import { cardContent, type CardContent } from './card-text.ts';

/**
 * The card looks the same under every theme on purpose: a problem must read as a problem, and stay legible
 * whatever colours the producer has just mistyped. Stage px at 1080p; 22 px is the smallest text (15 px at 720p).
 */
const CARD = {
  width: 700,
  pad: 28,
  stripe: 8,
  radius: 14,
  titleSize: 28,
  headingSize: 25,
  detailSize: 22,
  entryGap: 18,
  panel: 0x15161c,
  panelAlpha: 0.95,
  amber: 0xffb020,
  text: 0xffffff,
  muted: 0xc8cbd6,
  /** Seconds the card stays readable before it fades: long enough to read three problems twice. */
  holdSeconds: 12,
  fadeSeconds: 0.8,
} as const;

/**
 * Tells the producer, on the overlay itself, which URL parameters were refused and what is used instead.
 * It slides in at the top right of the title-safe area, holds while a thin line counts down, and fades.
 * Everything else keeps drawing with the fallbacks: the card is an addition, never a replacement.
 */
export class ErrorCard implements Widget {
  readonly name = 'error-card';
  readonly view = new Container({ label: 'error-card', visible: false });
  private timeline: Timeline | null = null;
  private content: CardContent | null = null;
  private destroyed = false;

  constructor(
    private readonly theme: Theme,
    private readonly resolution: number,
  ) {}

  /** Shows (or replaces) the card for these problems; resolves once it is built and starting to show. */
  async show(problems: readonly ParamProblem[], unlisted: number): Promise<void> {
    if (problems.length === 0 || this.destroyed) return;
    const content = cardContent(problems, unlisted, this.theme.lang);
    const allText = [content.title, content.more ?? '', ...content.entries.flatMap((entry) => Object.values(entry))].join('');
    await loadFonts(this.theme, allText);
    if (this.destroyed) return;
    this.content = content;
    this.build(content);
    this.animate();
  }


  update(): boolean {
    return this.timeline !== null;
  }

  inspect(): Record<string, unknown> {
    return {
      visible: this.view.visible,
      alpha: this.view.alpha,
      title: this.content?.title ?? null,
      entries: this.content?.entries ?? [],
      more: this.content?.more ?? null,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.timeline?.kill();
    this.timeline = null;
    this.view.destroy({ children: true });
  }

  private build(content: CardContent): void {
    for (const child of this.view.removeChildren()) child.destroy();
    const textX = CARD.stripe + CARD.pad;
    const wrapWidth = CARD.width - textX - CARD.pad;
    const body = new Container();
    let y = CARD.pad;
    const add = (text: string, size: number, weight: number, color: number, gapAfter: number) => {
      const line = this.text(text, size, weight, color, wrapWidth);
      line.position.set(textX, y);
      body.addChild(line);
      y += line.height + gapAfter;
    };

    // The title sits beside a warning mark in the stripe's amber.
    const mark = this.warningMark(textX + 16, y + CARD.titleSize * 0.62);
    body.addChild(mark);
    const title = this.text(content.title, CARD.titleSize, this.theme.weights.heavy, CARD.text, wrapWidth - 44);
    title.position.set(textX + 44, y);
    body.addChild(title);
    y += title.height + CARD.entryGap;

    for (const entry of content.entries) {
      add(entry.heading, CARD.headingSize, this.theme.weights.heavy, CARD.amber, 4);
      add(entry.reason, CARD.detailSize, this.theme.weights.regular, CARD.text, 2);
      add(entry.allowed, CARD.detailSize, this.theme.weights.regular, CARD.muted, 2);
      add(entry.fallback, CARD.detailSize, this.theme.weights.regular, CARD.muted, CARD.entryGap);
    }
    if (content.more) add(content.more, CARD.detailSize, this.theme.weights.regular, CARD.muted, CARD.entryGap);
    const height = y - CARD.entryGap + CARD.pad;

    const panel = new Graphics()
      .roundRect(0, 0, CARD.width, height, CARD.radius)
      .fill({ color: CARD.panel, alpha: CARD.panelAlpha })
      .roundRect(0, 0, CARD.width, height, CARD.radius)
      .stroke({ color: CARD.amber, alpha: 0.35, width: 1.5, alignment: 1 })
      .roundRect(0, 0, CARD.stripe + CARD.radius, height, CARD.radius)
      .fill(CARD.amber)
      .rect(CARD.stripe, 0, CARD.radius, height)
      .fill({ color: CARD.panel, alpha: 1 });
    const countdown = new Graphics().rect(0, 0, CARD.width - CARD.stripe - CARD.radius * 2, 3).fill({ color: CARD.amber, alpha: 0.8 });
    countdown.position.set(CARD.stripe + CARD.radius, height - 10);
    countdown.label = 'countdown';
    // The panel and the warning mark are drawn shapes, baked smooth (the stage has no MSAA) with the texts.
    this.view.addChild(bakeSmooth(panel, this.resolution), bakeSmooth(body, this.resolution), countdown);

    const { safe } = this.theme.layout;
    this.view.position.set(safe.x + safe.width - CARD.width, safe.y);
  }

  /** In, hold (the countdown line shrinks), out. Reduced motion: no slide, a shorter fade. */
  private animate(): void {
    this.timeline?.kill();
    const countdown = this.view.getChildByLabel('countdown');
    const slide = this.theme.motion.reduced ? 0 : 40;
    const restX = this.view.x;
    const fade = CARD.fadeSeconds * this.theme.motion.durationScale;
    this.view.visible = true;
    const timeline = motion.timeline({
      onComplete: () => {
        this.view.visible = false;
        this.timeline = null;
      },
    });
    timeline.fromTo(this.view, { alpha: 0, x: restX + slide }, { alpha: 1, x: restX }, { duration: fade, ease: 'power3.out', at: 0 });
    if (countdown) timeline.fromTo(countdown.scale, { x: 1 }, { x: 0 }, { duration: CARD.holdSeconds, ease: 'none', at: fade });
    timeline.to(this.view, { alpha: 0 }, { duration: fade, ease: 'power2.in', at: fade + CARD.holdSeconds });
    this.timeline = timeline;
  }

  private text(content: string, size: number, weight: number, color: number, wrapWidth: number): Text {
    return new Text({
      text: content,
      resolution: this.resolution,
      style: {
        fontFamily: this.theme.fontFamily,
        fontWeight: String(weight) as '500',
        fontSize: size,
        fill: color,
        lineHeight: Math.round(size * 1.35),
        wordWrap: true,
        wordWrapWidth: wrapWidth,
        breakWords: true,
      },
    });
  }

  private warningMark(x: number, y: number): Graphics {
    const r = 16;
    return new Graphics()
      .circle(x, y, r)
      .fill(CARD.amber)
      .roundRect(x - 2, y - 9, 4, 11, 2)
      .fill(CARD.panel)
      .circle(x, y + 6, 2.4)
      .fill(CARD.panel);
  }
}
