import { Container, Graphics, Particle, ParticleContainer, Sprite, Texture, type Renderer } from 'pixi.js';
import { bakeSmooth } from './art/bake.ts';

/**
 * What a widget draws with. Each kind is drawn by a shader program of its own, which WebGL compiles and
 * links at its first draw: in software WebGL (SwiftShader) that is 5-60 ms a program, with the page's
 * main thread waiting for the GPU process (pixi asks for the link status at once).
 * - `sprites`: sprites, texts, and shapes and meshes drawn batched (pixi's batcher: art/batched.ts);
 * - `particles`: a ParticleContainer;
 * - `baked`: a container drawn into a multisampled texture of its own (art/bake.ts).
 */
export type DrawKind = 'sprites' | 'particles' | 'baked';

function warmParticles(): ParticleContainer {
  return new ParticleContainer({ texture: Texture.WHITE, particles: [new Particle({ texture: Texture.WHITE })] });
}

const PARTS: Record<DrawKind, () => Container> = {
  sprites: () => new Sprite(Texture.WHITE),
  particles: warmParticles,
  baked: () => bakeSmooth(new Container({ children: [new Graphics().circle(1, 1, 1).fill(0xffffff)] }), 1),
};

/**
 * warmUp from a task of its own, so that what the page is about to do (a font or a script that arrived,
 * the feed's answer) comes first, if it is `stillWanted` by then.
 */
export function warmUpSoon(renderer: Renderer, kinds: readonly DrawKind[], stillWanted: () => boolean): void {
  setTimeout(() => {
    if (stillWanted()) warmUp(renderer, kinds);
  }, 0);
}

/**
 * Draws one tiny thing of every kind the widget will draw, so that its programs are compiled (and the
 * GPU process has its software pipelines for them) before the widget's first frame. Done as soon as the
 * layer's renderer exists, while the page still waits for the widget's fonts: the widget's first frame
 * then mostly uploads its own textures (measured on the meter's: 70-130 ms cold, 30-50 ms warm). The
 * canvas is still 1x1 and hidden; the first real draw clears it. A warm-up that fails is only a missed head
 * start (the first frame compiles the programs anyway): it is told in the console, never thrown.
 */
export function warmUp(renderer: Renderer, kinds: readonly DrawKind[]): void {
  if (kinds.length === 0) return;
  try {
    const scene = new Container({ children: kinds.map((kind) => PARTS[kind]()) });
    renderer.render({ container: scene });
    scene.destroy({ children: true });
    // The GPU process compiles its software pipelines when it runs the draws: now, not at the first frame.
    if ('gl' in renderer) renderer.gl.flush();
  } catch (error) {
    console.warn(`the warm-up draw failed: ${(error as Error).message}`);
  }
}
