import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Chromium-family browsers live on Debian/Ubuntu, Fedora, macOS. CHROME_PATH wins over all. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const KNOWN_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

export const HOW_TO_GET_A_BROWSER =
  'The recap card and the browser tests need Chromium, Chrome or Edge and found none.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
  '  Elsewhere:     install Google Chrome, or set CHROME_PATH=/path/to/chrome\n' +
  'The browser tests are never skipped: they prove the overlay draws with WebGL on a transparent page.';

/** The flags our Chromium runs with (see notes/BRIEF.md): WebGL2 then runs in software (SwiftShader). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of an installed Chromium-family browser, or an Error that says exactly how to get one. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['CHROME_PATH'];
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new Error(`CHROME_PATH=${explicit} is not an executable file.\n${HOW_TO_GET_A_BROWSER}`);
  }
  const onPath = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const candidates = [...KNOWN_PATHS, ...KNOWN_COMMANDS.flatMap((command) => onPath.map((dir) => join(dir, command)))];
  const found = candidates.find(isExecutable);
  if (!found) throw new Error(HOW_TO_GET_A_BROWSER);
  return found;
}
