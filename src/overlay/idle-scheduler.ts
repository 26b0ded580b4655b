import { ExtensionType, extensions } from 'pixi.js';

let installed = false;

/**
 * Gives every renderer made afterwards a scheduler (`renderer.scheduler`) that never runs its tasks. Pixi's
 * own runs the garbage collectors' sweeps on pixi's ticker, a requestAnimationFrame loop of its own. The
 * overlay's clock drives every frame, and every texture it makes stays in use (a sweep would drop the GPU
 * copy of an atlas left unused during a quiet spell, to upload it again at the next burst), so pixi's
 * scheduler and ticker are left out of the build (scripts/build/pixi-cuts.ts). Tasks still get ids, so the
 * collectors start and stop as they would on a stopped ticker.
 */
export function useIdleScheduler(): void {
  if (installed) return;
  installed = true;
  // Removal goes by name: it drops pixi's scheduler where the build still holds it (the dev server).
  extensions.remove(IdleScheduler);
  extensions.add(IdleScheduler);
}

class IdleScheduler {
  static readonly extension = { type: [ExtensionType.WebGLSystem, ExtensionType.CanvasSystem], name: 'scheduler' } as const;
  private lastId = 0;

  repeat(): number {
    return ++this.lastId;
  }

  cancel(): void {}

  destroy(): void {}
}
