/** Everything is laid out on this fixed stage and scaled to whatever size the browser source has. */
export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/** Scale and offset that fit the stage inside a window, centred, keeping its aspect ratio (letterbox). */
export function fitStage(windowWidth: number, windowHeight: number): { scale: number; x: number; y: number } {
  const scale = Math.min(windowWidth / STAGE_WIDTH, windowHeight / STAGE_HEIGHT);
  return { scale, x: (windowWidth - STAGE_WIDTH * scale) / 2, y: (windowHeight - STAGE_HEIGHT * scale) / 2 };
}
