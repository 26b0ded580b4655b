import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ChildScript } from './fixtures/child-process.ts';
import { startFeedCli } from './fixtures/feed-cli-child.ts';

/**
 * The data directory's lock between real feed processes (`npm start`'s entry point): a second live feed
 * is refused with the directory and the holder named, a feed that is stopping is waited for, and a
 * LOCK file naming a live process that holds nothing blocks nothing. The restart after SIGKILL, while
 * the killed feed is still a zombie, is kill9.test.ts.
 */
const CLI = fileURLToPath(new URL('../../src/feed/bin.ts', import.meta.url));
const CONTROL_TOKEN = 'lock-control-token-0123456789';
const INGEST_TOKEN = 'lock-ingest-token-0123456789';
const children: ChildScript[] = [];
let workDir: string;

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.dispose()));
});
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A data directory of its own for each test, beside one stand-in overlay. */
async function freshDirs(): Promise<{ dataDir: string; overlayDir: string }> {
  if (!workDir) {
    workDir = await mkdtemp(join(tmpdir(), 'data-dir-lock-'));
    await writeFile(join(workDir, 'index.html'), '<!doctype html><title>overlay</title>');
  }
  return { dataDir: await mkdtemp(join(workDir, 'data-')), overlayDir: workDir };
}

const feedOn = (dirs: { dataDir: string; overlayDir: string }) =>
  startFeedCli({ ...dirs, controlToken: CONTROL_TOKEN, ingestToken: INGEST_TOKEN, children });

/** A second `start` on the same directory, not waited for: the caller watches its lines and exit. */
function secondStart(dataDir: string, overlayDir: string): ChildScript {
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', PORT: '0', SIMULATOR: 'off', OVERLAY_DIR: overlayDir, DATA_DIR: dataDir, CONTROL_TOKEN, INGEST_TOKEN };
  const child = new ChildScript(CLI, ['start'], env);
  children.push(child);
  return child;
}

describe('the data directory lock between feed processes', () => {
  it('refuses a second live feed on the directory, naming the directory and the holder; the first goes on', async () => {
    const dirs = await freshDirs();
    const first = await feedOn(dirs);
    const second = secondStart(dirs.dataDir, dirs.overlayDir);
    expect(await second.exited).toBe(1);
    expect(second.stderr.join('\n')).toMatch(new RegExp(`data directory ${dirs.dataDir} is in use by process ${first.child.process.pid} on \\S+ \\(since \\d{4}-`));
    expect((await fetch(`${first.url}/api/state`)).status).toBe(200);
  });

  it('starts over a LOCK file that names a live process holding nothing (a reused pid)', async () => {
    const dirs = await freshDirs();
    await writeFile(join(dirs.dataDir, 'LOCK'), `in use by local-love-overlay: pid ${process.pid} on this-host since 2026-01-01T00:00:00.000Z\n`);
    const { url } = await feedOn(dirs);
    expect((await fetch(`${url}/api/state`)).status).toBe(200);
  });

  it('waits for a feed that is stopping, then starts with everything it made durable', async () => {
    const dirs = await freshDirs();
    const first = await feedOn(dirs);
    const body = JSON.stringify({ idempotencyKey: 'slow-1', source: 'lock-test', reactions: [{ kind: 'like', count: 7, region: 'tohoku', market: 'jp', eventId: 'slow-1/like' }] });
    // A sender on a slow link: the headers are in, the body trickles. The stopping feed drains it first.
    const slow = request(`${first.url}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      slow.on('response', (response) => (response.resume(), resolve(response.statusCode ?? 0)));
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.child.process.kill('SIGTERM');
    await first.child.waitForLine((line) => line.includes('closing the feed'));
    const second = secondStart(dirs.dataDir, dirs.overlayDir);
    await waitFor(() => second.stderr.some((line) => line.includes('which is stopping; waiting up to 5000 ms')));
    slow.end(body.slice(10));
    expect(await answered).toBe(200);
    expect(await first.child.exited).toBe(0);
    const line = await second.waitForLine((text) => text.includes('OBS browser source, 1920x1080:'));
    expect(second.stderr.join('\n')).toMatch(/was released by the feed that was stopping; taken after \d+ ms/);
    const state = (await (await fetch(`${/(http:\/\/\S+)\//.exec(line)![1]}/api/state`)).json()) as { totals: { likes: number } };
    expect(state.totals.likes).toBe(7);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
