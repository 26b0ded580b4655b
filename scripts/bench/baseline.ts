import { Application, Particle, ParticleContainer } from 'pixi.js';
import { buildBurstAtlas } from '../../src/overlay/widgets/reaction-burst/atlas.ts';
import { Icon } from '../../src/overlay/widgets/reaction-burst/layers.ts';

/**
 * The benchmark's baseline: a bare transparent 1920x1080 pixi canvas drawing `?count=` particles with the
 * overlay's own icon atlas and particle settings, moving every frame, and nothing else (no feed, no model,
 * no meter). What the overlay's storm costs beyond this is the overlay's own doing.
 */
declare global {
  interface Window {
    __baseline?: { rendererName: string; count: number };
  }
}

const query = new URLSearchParams(location.search);
const count = Math.max(1, Number(query.get('count') ?? 500) | 0);
// ?antialias=0 measures what the stage's MSAA costs.
const app = new Application();
await app.init({ preference: 'webgl', backgroundAlpha: 0, antialias: query.get('antialias') !== '0', resolution: window.devicePixelRatio || 1, autoDensity: true, width: 1920, height: 1080 });
document.body.appendChild(app.canvas);

const atlas = await buildBurstAtlas({ hearts: [0xff4f81, 0xff7a59, 0xffb547, 0xff8fb1], comment: 0xfff8f0, gift: 0xffd166 });
const icons = [Icon.heart, Icon.heart + 1, Icon.heart + 2, Icon.heart + 3, Icon.bubble, Icon.rose, Icon.star];
const particles = Array.from({ length: count }, (_, index) => {
  const texture = atlas.textures[icons[index % icons.length]!]!;
  return new Particle({ texture, anchorX: 0.5, anchorY: 0.5, x: 1480 + ((index * 37) % 260), y: 300 + ((index * 131) % 700), scaleX: 0.8, scaleY: 0.8, alpha: 0.9 });
});
const container = new ParticleContainer({ texture: atlas.textures[Icon.heart]!, particles, dynamicProperties: { position: true, rotation: true, vertex: true, color: true, uvs: true } });
app.stage.addChild(container);

let elapsed = 0;
app.ticker.add((ticker) => {
  elapsed += ticker.deltaMS / 1000;
  for (let i = 0; i < particles.length; i++) {
    const particle = particles[i]!;
    particle.y -= (ticker.deltaMS / 1000) * 250;
    if (particle.y < 300) particle.y += 700;
    particle.rotation = 0.15 * Math.sin(elapsed * 2 + i);
  }
});
window.__baseline = { rendererName: app.renderer.name, count };
