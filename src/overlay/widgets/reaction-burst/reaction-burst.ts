import { Rectangle, type Container } from 'pixi.js';
import { STAGE_HEIGHT } from '../../fit-stage.ts';
import type { FeedState } from '../../../protocol/index.ts';
import { burstOffset } from '../../../theme/layout.ts';
import type { Theme } from '../../../theme/theme.ts';
import type { Widget, WidgetFactory } from '../../widget.ts';
import { buildBurstAtlas, type BurstAtlas } from './atlas.ts';
import { burstColumn, defaultLook } from './look.ts';
import { ReactionBurstModel } from './model.ts';
import { flowTransform } from './placement.ts';
import { ReactionBurstView } from './view.ts';

/**
 * Particles on screen at most with the density parameter at 1: room for a 10,000 likes/s storm (about 270
 * live) with its slack. Every slot is uploaded each frame, so the budget is kept to what the curves need.
 */
const BASE_MAX_PARTICLES = 500;

/**
 * Reaction bursts: likes, comments and gifts flowing up the side of the screen at the rate the audience
 * reacts. The model (pure) decides what is on screen; the view copies it into pixi particles.
 */
export class ReactionBurst implements Widget {
  readonly name = 'reaction-burst';
  readonly view;
  private moving = false;
  private destroyed = false;

  constructor(
    readonly model: ReactionBurstModel,
    private readonly particles: ReactionBurstView,
    private readonly atlas: BurstAtlas,
  ) {
    this.view = particles.root;
  }

  onFeed(state: FeedState): void {
    this.model.observe(state);
  }

  update(deltaMs: number): boolean {
    const moving = this.model.update(deltaMs);
    // One more copy after the last particle goes, so the frame drawn then is empty.
    if (moving || this.moving) this.particles.sync();
    this.moving = moving;
    return moving;
  }

  inspect(): Record<string, unknown> {
    return { ...this.model.stats(), moving: this.model.moving, timeMs: this.model.timeMs };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.particles.destroy();
    this.atlas.destroy();
  }
}

/** Puts the flow where the theme's layout wants it: on the side away from the lower third, clear of the meter. */
function placeFlow(view: Container, theme: Theme): void {
  const { layout } = theme;
  const column = burstColumn(defaultLook);
  const params = { meter: layout.meter.position, meterStyle: layout.meter.style, lowerThird: layout.lowerThird.side, scale: layout.scale };
  const { x, y, scaleX } = flowTransform(column.centreX, burstOffset(column, params, layout.widgets.meter ? layout.meter.box : null));
  view.position.set(x, y);
  view.scale.x = scaleX;
  // Particles have no bounds pixi measures: the flow's column, the stage's whole height, is where the
  // bursts' canvas goes (layer.ts).
  view.boundsArea = new Rectangle(column.centreX - column.halfWidth, -y, 2 * column.halfWidth, STAGE_HEIGHT);
}

/** Rasterises the icons in the theme's colours, then builds the widget. */
export const createReactionBurst: WidgetFactory = async (context) => {
  const { theme } = context;
  const density = theme.motion.particleDensity;
  const atlas = await buildBurstAtlas(
    { hearts: theme.bursts.likes, comment: theme.bursts.comment, gift: theme.bursts.gift },
    Math.min(4, Math.max(1, context.resolution)),
  );
  const model = new ReactionBurstModel({
    density,
    maxParticles: Math.round(BASE_MAX_PARTICLES * Math.max(density, 0.2)),
    heartColors: theme.bursts.likes.length,
  });
  const view = new ReactionBurstView(model.pool, atlas.textures);
  placeFlow(view.root, theme);
  return new ReactionBurst(model, view, atlas);
};
