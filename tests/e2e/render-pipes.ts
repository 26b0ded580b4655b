/**
 * The render pipes the overlay draws with: one per kind of thing a widget shows (sprites, texts, shapes,
 * meshes, particles, nine-slice plates) and those every frame's instructions go through. Pixi draws nothing,
 * and says nothing, for a thing whose pipe is missing, so the tests check that the build's cuts
 * (scripts/build/pixi-cuts.ts) left each of them in both renderers.
 */
export const OVERLAY_RENDER_PIPES = ['sprite', 'text', 'graphics', 'mesh', 'particle', 'nineSliceSprite', 'batch', 'blendMode', 'renderGroup', 'colorMask'];
