import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedState } from '../../src/protocol/index.ts';
import { connectClient, subscribe } from './helpers/feed-client.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const overlayDir = mkdtempSync(join(tmpdir(), 'cli-overlay-'));
writeFileSync(join(overlayDir, 'index.html'), '<!doctype html><title>built overlay</title>');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(overlayDir, { recursive: true, force: true });
});

/** `npm start` without npm: the same entry point, through tsx, with a controlled environment. */
function startCli(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/feed/bin.ts', 'start', ...args], {
    cwd: root,
    // Each start keeps its totals in a fresh directory: none inherits another's, none fights over a lock.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATA_DIR: mkdtempSync(join(overlayDir, 'data-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printedUrl = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /OBS browser source, 1920x1080:\s+(http:\/\/\S+)\//.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`cli exited with ${code} before printing its URL:\n${stdout}\n${stderr}`)));
  });
  printedUrl.catch(() => {}); // tests of a failing start await `exited` instead
  return { child, exited, printedUrl, output: () => ({ stdout, stderr }) };
}

describe('npm start (src/feed/bin.ts start)', () => {
  it('serves OVERLAY_DIR and the feed on one port, prints the OBS URL, and stops cleanly on SIGTERM', async () => {
    const cli = startCli({ PORT: '0', SIMULATOR: 'off', OVERLAY_DIR: overlayDir, TICK_MS: '50' });
    const url = await cli.printedUrl;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.output().stdout).toContain('simulator off');
    expect(cli.output().stdout).toContain(`${url}/?region=tohoku`);

    expect(await (await fetch(`${url}/`)).text()).toContain('built overlay');
    const state = FeedState.parse(await (await fetch(`${url}/api/state`)).json());
    expect(state.seq).toBe(0);
    const overlay = await connectClient(url);
    const ack = await subscribe(overlay, { v: 1, region: 'noto' });
    expect(ack.ok && ack.value.region).toBe('noto');
    overlay.close();

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('turns the simulator off with --no-simulator', async () => {
    const cli = startCli({ PORT: '0', OVERLAY_DIR: overlayDir }, ['--no-simulator']);
    await cli.printedUrl;
    expect(cli.output().stdout).toContain('simulator off');
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('exits with 1 and names the variable when the environment is bad', async () => {
    const cli = startCli({ PORT: 'eighty', OVERLAY_DIR: overlayDir });
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toMatch(/PORT: must be a whole number/);
  });

  it('exits with 1 and names the file and field when the campaign is bad', async () => {
    const campaign = join(overlayDir, 'bad-campaign.json');
    writeFileSync(campaign, JSON.stringify({ id: 'x' }));
    const cli = startCli({ PORT: '0', OVERLAY_DIR: overlayDir, CAMPAIGN: campaign });
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toContain(`campaign file ${campaign} is invalid`);
    expect(cli.output().stderr).toMatch(/^currency: /m);
  });
});
