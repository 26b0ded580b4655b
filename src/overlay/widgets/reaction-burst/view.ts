import { Container, Particle, ParticleContainer, type Texture } from 'pixi.js';
import type { ParticlePool } from './particle-pool.ts';

/**
 * Draws the pool: one pixi Particle per pool slot, made once, in one ParticleContainer (one draw call for
 * every particle, all frames of one atlas texture). Each frame `sync` copies the model's drawn values into
 * the particles; a free slot is drawn at scale 0, a zero-area quad that costs no pixels.
 *
 * Every property is dynamic, texture coordinates included, because a slot shows whichever icon of its
 * layer the model gave it (any heart colour, any gift); the upload is a few floats per particle.
 */
export class ReactionBurstView {
  readonly root = new Container({ label: 'reaction-burst' });
  private readonly particles: Particle[];
  private readonly container: ParticleContainer<Particle>;
  private destroyed = false;

  constructor(
    private readonly pool: ParticlePool,
    private readonly textures: readonly Texture[],
  ) {
    const first = textures[0];
    if (!first) throw new Error('reaction bursts: the atlas has no textures');
    this.particles = Array.from({ length: pool.capacity }, () => new Particle({ texture: first, anchorX: 0.5, anchorY: 0.5, scaleX: 0, scaleY: 0, alpha: 0 }));
    this.container = new ParticleContainer<Particle>({
      label: 'reaction-particles',
      texture: first,
      particles: this.particles,
      dynamicProperties: { position: true, rotation: true, vertex: true, color: true, uvs: true },
    });
    this.root.addChild(this.container);
  }

  /** Copies every slot's drawn values into its particle. */
  sync(): void {
    const { pool, particles, textures } = this;
    const { outX, outY, outRotation, outScale, outAlpha, icon } = pool;
    for (let slot = 0; slot < particles.length; slot++) {
      const particle = particles[slot]!;
      const scale = outScale[slot]!;
      particle.scaleX = scale;
      particle.scaleY = scale;
      if (scale === 0) continue;
      particle.x = outX[slot]!;
      particle.y = outY[slot]!;
      particle.rotation = outRotation[slot]!;
      particle.alpha = outAlpha[slot]!;
      particle.texture = textures[icon[slot]!] ?? particle.texture;
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // The textures belong to the atlas, which the widget destroys.
    this.root.destroy({ children: true, texture: false });
  }
}
