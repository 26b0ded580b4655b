import { constants, existsSync, readdirSync } from 'node:fs';
import { access, readFile, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { loadCampaignFile } from '../setup/campaign-file.ts';
import type { StartSettings } from '../setup/start-settings.ts';
import { recoverDataDir } from '../store/journal/recover.ts';
import { DEFAULT_RETENTION } from '../store/idempotency-window.ts';
import { realFs } from '../store/journal/store-files.ts';
import { probeDataDirLock } from '../store/journal/directory-lock.ts';
import type { CampaignConfig } from '../../protocol/index.ts';
import type { CheckResult } from './check-result.ts';

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function checkCampaign(path: string): { result: CheckResult; campaign: CampaignConfig | null } {
  try {
    const campaign = loadCampaignFile(path);
    const detail = `${path}: ${campaign.regions.length} regions, ${campaign.markets.length} markets, ${campaign.milestones.length} milestones, ${campaign.roster.length} people, ${campaign.streams.length} TikTok streams`;
    return { result: { status: 'ok', item: 'campaign file', detail }, campaign };
  } catch (error) {
    return { result: { status: 'fail', item: 'campaign file', detail: firstLine(error).replaceAll('\n', '; '), fix: 'fix the field named, then run check again' }, campaign: null };
  }
}

export function checkTokens(security: StartSettings): CheckResult {
  if (security.generated.length === 0) {
    return { status: 'ok', item: 'tokens', detail: `CONTROL_TOKEN and INGEST_TOKEN set (${security.ingestTokens.length} ingest ${security.ingestTokens.length === 1 ? 'token' : 'tokens'})` };
  }
  return {
    status: 'fail',
    item: 'tokens',
    detail: `${security.generated.join(' and ')} not set: each start would make a new one, and the control page and senders would be locked out after a restart`,
    fix: `set ${security.generated.join(' and ')} in the environment (43 random characters each, e.g. from: node -e "console.log(crypto.randomBytes(32).toString('base64url'))")`,
  };
}

/**
 * The journal's directory: writable (or creatable), and what start would recover from it, read without
 * changing a byte. A torn tail start would cut is a warning; a missing journal (start refuses) a failure.
 */
export async function checkDataDir(dir: string): Promise<CheckResult> {
  const item = 'data directory';
  if (!existsSync(dir)) {
    const parent = nearestExisting(dirname(dir));
    try {
      await access(parent, constants.W_OK);
      return { status: 'ok', item, detail: `${dir} will be created at start (no totals yet)` };
    } catch {
      return { status: 'fail', item, detail: `${dir} does not exist and ${parent} is not writable`, fix: 'set DATA_DIR to a directory this user can write' };
    }
  }
  const probe = join(dir, `.check-${process.pid}`);
  try {
    await writeFile(probe, 'x');
    await unlink(probe);
  } catch (error) {
    return { status: 'fail', item, detail: `${dir} is not writable: ${firstLine(error)}`, fix: 'set DATA_DIR to a directory this user can write' };
  }
  const damage: string[] = [];
  try {
    const { state, summary } = await recoverDataDir({ fs: realFs, dir, log: (line) => damage.push(line), now: Date.now, retention: DEFAULT_RETENTION, repair: false });
    const cells = state.cellTotals().length;
    const held = await probeDataDirLock(dir);
    if (damage.length > 0) return { status: 'warn', item, detail: `${dir}: ${damage.join('; ')}`, fix: 'start repairs this and logs it; keep the audit report of the last show before going on' };
    if (held) {
      const who = held.holder ? `process ${held.holder.pid} on ${held.holder.host} (since ${held.holder.since}${held.holder.state === 'stopping' ? ', stopping' : ''})` : 'a process that does not answer';
      return { status: 'warn', item, detail: `${dir} is in use by ${who}: a second start on it would be refused`, fix: 'stop that feed first, or give this one another DATA_DIR' };
    }
    return { status: 'ok', item, detail: `${dir} writable, recovery clean (${summary}, ${cells} region/market cells)` };
  } catch (error) {
    return { status: 'fail', item, detail: firstLine(error), fix: 'restore the missing file, or move the directory away to start from zero' };
  }
}

function nearestExisting(dir: string): string {
  return existsSync(dir) || dirname(dir) === dir ? dir : nearestExisting(dirname(dir));
}

/** The port start would listen on, free now (port 0 always is). */
export function checkPort(host: string, port: number): Promise<CheckResult> {
  const item = 'port';
  if (port === 0) return Promise.resolve({ status: 'ok', item, detail: `PORT=0: any free port on ${host}` });
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve({
        status: 'fail',
        item,
        detail: `${host}:${port} cannot be used: ${error.code === 'EADDRINUSE' ? 'another program listens there' : error.message}`,
        fix: 'stop that program, or set PORT to another port (and change the OBS source URL)',
      }),
    );
    server.listen(port, host, () => server.close(() => resolve({ status: 'ok', item, detail: `${host}:${port} is free` })));
  });
}

/**
 * The overlay that start serves and the Noto Sans JP files it draws its text with: every font file
 * its style sheets name must be there, or the lower thirds fall back to a system font on air.
 */
export async function checkFonts(overlayDir: string, canBuild: boolean): Promise<CheckResult> {
  const item = 'overlay and fonts';
  if (!existsSync(join(overlayDir, 'index.html'))) {
    return canBuild
      ? { status: 'ok', item, detail: `${overlayDir} not built yet: start builds it (fonts from @fontsource/noto-sans-jp)` }
      : { status: 'fail', item, detail: `${overlayDir}/index.html is missing`, fix: 'reinstall the package, or set OVERLAY_DIR to a built overlay' };
  }
  const assets = join(overlayDir, 'assets');
  const sheets = existsSync(assets) ? readdirSync(assets).filter((name) => name.endsWith('.css')) : [];
  const named = new Set<string>();
  let notoFaces = 0;
  for (const sheet of sheets) {
    const css = await readFile(join(assets, sheet), 'utf8');
    notoFaces += css.match(/font-family:\s*["']?Noto Sans JP/g)?.length ?? 0;
    for (const match of css.matchAll(/url\(["']?([^"')]+\.woff2?)["']?\)/g)) named.add(match[1]!);
  }
  const missing = [...named].filter((url) => !existsSync(join(assets, url.replace(/^\/assets\//, '').replace(/^\.\//, ''))));
  if (notoFaces === 0) return { status: 'fail', item, detail: `no Noto Sans JP in ${overlayDir}'s style sheets`, fix: 'rebuild the overlay (npm run build) or reinstall the package' };
  if (missing.length > 0) return { status: 'fail', item, detail: `${missing.length} font files missing in ${assets}, e.g. ${missing[0]}`, fix: 'reinstall the package, or rebuild the overlay' };
  return { status: 'ok', item, detail: `${overlayDir}: Noto Sans JP, ${notoFaces} faces, ${named.size} font files present` };
}
