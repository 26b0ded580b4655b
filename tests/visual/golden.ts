import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const OUTPUT_DIR = join(import.meta.dirname, '__output__');

export interface GoldenOptions {
  /**
   * Per-pixel colour distance pixelmatch tolerates (0..1). Software-rendered text and gradients are
   * repeatable on one machine, but a different Chromium or CPU may round an edge differently.
   */
  threshold?: number;
  /** Pixels that may differ beyond the threshold before the images count as different. */
  maxDiffPixels?: number;
}

/**
 * Compares a screenshot with tests/visual/golden/<name>.png. On a difference it writes
 * <name>.expected.png, <name>.actual.png and <name>.diff.png to tests/visual/__output__/ and throws.
 * A missing golden is written from the screenshot and the comparison FAILS, saying so: a golden is only
 * trusted once someone has looked at it and run the test again. UPDATE_GOLDENS=1 rewrites goldens the same way.
 */
export function expectMatchesGolden(name: string, screenshot: Buffer, options: GoldenOptions = {}): void {
  const { threshold = 0.1, maxDiffPixels = 50 } = options;
  const goldenPath = join(GOLDEN_DIR, `${name}.png`);
  if (!existsSync(goldenPath) || process.env['UPDATE_GOLDENS'] === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(goldenPath, screenshot);
    throw new Error(`golden ${goldenPath} was created from this run: look at it, and run the test again to compare against it`);
  }
  const expected = PNG.sync.read(readFileSync(goldenPath));
  const actual = PNG.sync.read(screenshot);
  const write = (suffix: string, png: Buffer) => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const path = join(OUTPUT_DIR, `${name}.${suffix}.png`);
    writeFileSync(path, png);
    return path;
  };
  if (expected.width !== actual.width || expected.height !== actual.height) {
    const path = write('actual', screenshot);
    throw new Error(`${name}: size ${actual.width}x${actual.height} differs from the golden's ${expected.width}x${expected.height} (actual: ${path})`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold });
  if (differing > maxDiffPixels) {
    write('expected', PNG.sync.write(expected));
    write('actual', screenshot);
    const diffPath = write('diff', PNG.sync.write(diff));
    throw new Error(`${name}: ${differing} pixels differ from the golden (at most ${maxDiffPixels} allowed); see ${diffPath} and its .expected/.actual siblings`);
  }
}
