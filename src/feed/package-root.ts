import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'local-love-overlay';

/**
 * The directory holding our package.json: the repository in a source checkout, the installed package
 * under node_modules otherwise. Found by walking up from this module, so the answer is the same whether
 * the code runs from src/ through tsx or from the bundled feed, wherever either puts its files.
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
}

/** True in a clone of the repository (the overlay can be rebuilt), false in the installed package. */
export function isSourceCheckout(root: string = packageRoot()): boolean {
  return existsSync(join(root, 'vite.config.ts'));
}
