import { Container, Particle, ParticleContainer, type Texture } from 'pixi.js';
import type { ParticlePool } from './particle-pool.ts';

/**
 * Draws the pool: one pixi Particle per pool slot, made once, in one ParticleContainer (one draw call for
 * every particle, all frames of one atlas texture). Each frame `sync` copies the model's drawn values into
 * the particles of the slots that show anything, and hands only those to the container, in slot order (so
 * layer order): every particle it holds is uploaded and drawn at every frame, so a steady flow of a hundred
 * particles costs a hundred, not the pool's five hundred.
 *
 * Every property is dynamic, texture coordinates included, because a slot shows whichever icon of its
 * layer the model gave it (any heart colour, any gift); the upload is a few floats per particle.
 */
export class ReactionBurstView {
  readonly root = new Container({ label: 'reaction-burst' });
  private readonly particles: Particle[];
  private readonly container: ParticleContainer<Particle>;
  /**
   * The container sizes its GPU buffer by the particles it holds at its first draw: it holds every slot
   * until the first sync is drawn, so (on the real clock, a sync per drawn frame) the buffer fits the whole
   * pool from the start and is never reallocated as a storm grows.
   */
  private sized = false;
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
      particles: [...this.particles],
      dynamicProperties: { position: true, rotation: true, vertex: true, color: true, uvs: true },
    });
    this.root.addChild(this.container);
  }

  /** Copies the drawn values of every slot that shows (scale and alpha above 0) into its particle, and hands those to the container. */
  sync(): void {
    const { pool, particles, textures } = this;
    const { outX, outY, outRotation, outScale, outAlpha, icon } = pool;
    const shown = this.container.particleChildren;
    let count = 0;
    for (let slot = 0; slot < particles.length; slot++) {
      const scale = outScale[slot]!;
      const alpha = outAlpha[slot]!;
      const particle = particles[slot]!;
      if (!this.sized) shown[slot] = particle;
      if (scale === 0 || alpha === 0) {
        // Drawn only while the container still holds every slot (its first draw); after that it is left out.
        if (!this.sized) particle.scaleX = particle.scaleY = 0;
        continue;
      }
      particle.scaleX = scale;
      particle.scaleY = scale;
      particle.x = outX[slot]!;
      particle.y = outY[slot]!;
      particle.rotation = outRotation[slot]!;
      particle.alpha = alpha;
      particle.texture = textures[icon[slot]!] ?? particle.texture;
      if (this.sized) shown[count] = particle;
      count++;
    }
    if (this.sized) shown.length = count;
    this.sized = true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // The textures belong to the atlas, which the widget destroys.
    this.root.destroy({ children: true, texture: false });
  }
}
