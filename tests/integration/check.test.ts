import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/feed/check/check-command.ts';
import type { CheckResult } from '../../src/feed/check/check-result.ts';
import { init } from '../../src/feed/init/init-command.ts';
import { RedisServer } from './helpers/redis-server.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../src/feed/bin.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'check-'));
const overlayDir = join(work, 'overlay');
const TOKENS = { CONTROL_TOKEN: 'c'.repeat(43), INGEST_TOKEN: 'i'.repeat(43) };

/**
 * A stand-in for www.tiktok.com on 127.0.0.1, over TLS as the library insists for a local host: three
 * users (live, offline, unknown), answered the way TikTok's LIVE page and api-live endpoint answer, with
 * a clock two minutes ahead of ours.
 */
let tiktok: Server;
let tiktokOptions: { webHost: string; httpOptions: Record<string, unknown> };
const CLOCK_AHEAD_MS = 120_000;
const USERS: Record<string, number> = { show_live: 2, show_offline: 4 };

beforeAll(async () => {
  // A built overlay with one font face, as the check reads it.
  mkdirSync(join(overlayDir, 'assets'), { recursive: true });
  writeFileSync(join(overlayDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(overlayDir, 'assets/noto-0.woff2'), 'font');
  writeFileSync(join(overlayDir, 'assets/overlay.css'), '@font-face{font-family:Noto Sans JP;src:url(/assets/noto-0.woff2)format("woff2")}');

  const key = join(work, 'key.pem');
  const cert = join(work, 'cert.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert]);
  tiktok = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    response.sendDate = false;
    response.setHeader('Date', new Date(Date.now() + CLOCK_AHEAD_MS).toUTCString());
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const page = /^\/@([^/]+)\/live$/.exec(url.pathname);
    if (page) {
      const status = USERS[page[1]!];
      const state = status === undefined ? {} : { LiveRoom: { liveRoomUserInfo: { user: { uniqueId: page[1], roomId: '7300000000000000001' }, liveRoom: { status } } } };
      response.end(`<html><script id="SIGI_STATE" type="application/json">${JSON.stringify(state)}</script></html>`);
    } else if (url.pathname === '/api-live/user/room/') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ statusCode: 19881007, message: 'user_not_found' }));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => tiktok.listen(0, '127.0.0.1', resolve));
  tiktokOptions = { webHost: `127.0.0.1:${(tiktok.address() as AddressInfo).port}`, httpOptions: { https: { certificateAuthority: readFileSync(cert) } } };
}, 30_000);

afterAll(async () => {
  await new Promise((resolve) => tiktok?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

const byItem = (results: CheckResult[], item: string) => results.find((result) => result.item === item);

/** A campaign made by init, with the three stand-in users as its streams. */
async function campaignWithStreams(name: string): Promise<string> {
  await init([name], work);
  const path = join(work, name, 'campaign.json');
  const campaign = JSON.parse(readFileSync(path, 'utf8')) as { streams: unknown[] };
  campaign.streams = ['show_live', 'show_offline', 'show_nobody'].map((uniqueId) => ({ uniqueId, region: 'tohoku', market: 'jp' }));
  writeFileSync(path, JSON.stringify(campaign));
  return path;
}

describe('local-love-overlay check', () => {
  it('reports each TikTok user (live, not live, not found) and the clock offset, without the sign server', async () => {
    const campaign = await campaignWithStreams('tiktok-show');
    const env = { ...TOKENS, PORT: '0', DATA_DIR: join(work, 'data-tiktok'), OVERLAY_DIR: overlayDir, TIKTOK: 'on' };
    const { results } = await runChecks(['--campaign', campaign], { env, tiktok: tiktokOptions });
    expect(byItem(results, 'tiktok @show_live')).toMatchObject({ status: 'ok', detail: expect.stringContaining('LIVE now') });
    expect(byItem(results, 'tiktok @show_offline')).toMatchObject({ status: 'warn', detail: 'found, not live now' });
    expect(byItem(results, 'tiktok @show_nobody')).toMatchObject({ status: 'fail', detail: expect.stringContaining('user_not_found') });
    const clock = byItem(results, 'clock')!;
    expect(clock.status).toBe('warn');
    const seconds = Number(/\+(\d+\.\d) s/.exec(clock.detail)![1]);
    expect(Math.abs(seconds - CLOCK_AHEAD_MS / 1000)).toBeLessThanOrEqual(2);
    expect(byItem(results, 'tokens')!.status).toBe('ok');
    expect(byItem(results, 'overlay and fonts')).toMatchObject({ status: 'ok', detail: expect.stringContaining('1 font files present') });
  });

  it('fails on generated tokens, a port in use, a missing journal and a missing font; warns on a torn journal', async () => {
    const busy = createTcpServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as AddressInfo).port);
    const torn = join(work, 'data-torn');
    mkdirSync(torn);
    writeFileSync(join(torn, 'journal-00000001.log'), Buffer.from('not a journal frame at all'));
    const gap = join(work, 'data-gap');
    mkdirSync(gap);
    writeFileSync(join(gap, 'journal-00000002.log'), Buffer.alloc(0));
    rmSync(join(overlayDir, 'assets/noto-0.woff2'));
    try {
      const tornRun = await runChecks([], { env: { PORT: port, DATA_DIR: torn, OVERLAY_DIR: overlayDir } });
      expect(byItem(tornRun.results, 'tokens')).toMatchObject({ status: 'fail', detail: expect.stringContaining('CONTROL_TOKEN and INGEST_TOKEN not set') });
      expect(byItem(tornRun.results, 'port')).toMatchObject({ status: 'fail', detail: expect.stringContaining('another program listens there') });
      expect(byItem(tornRun.results, 'data directory')).toMatchObject({ status: 'warn', detail: expect.stringContaining('journal-00000001.log') });
      expect(byItem(tornRun.results, 'overlay and fonts')).toMatchObject({ status: 'fail', detail: expect.stringContaining('noto-0.woff2') });
      // The check changes nothing: the torn journal is still as it was.
      expect(readFileSync(join(torn, 'journal-00000001.log'), 'utf8')).toBe('not a journal frame at all');
      const gapRun = await runChecks([], { env: { ...TOKENS, DATA_DIR: gap } });
      expect(byItem(gapRun.results, 'data directory')).toMatchObject({ status: 'fail', detail: expect.stringContaining('missing journal-00000001.log') });
    } finally {
      writeFileSync(join(overlayDir, 'assets/noto-0.woff2'), 'font');
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('names the field of a bad campaign file, and a bad setting', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x' }));
    const campaignRun = await runChecks(['--campaign', bad], { env: TOKENS });
    expect(byItem(campaignRun.results, 'campaign file')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/is invalid:; .*currency: /) });
    const settingsRun = await runChecks([], { env: { PORT: 'eighty' } });
    expect(settingsRun.results).toEqual([expect.objectContaining({ status: 'fail', item: 'settings', detail: expect.stringContaining('PORT: must be a whole number') })]);
  });

  it('checks that Redis is reachable and durable when REDIS_URL is set', async () => {
    const redis = await RedisServer.start();
    const admin = new Redis(redis.url);
    try {
      const check = async () => byItem((await runChecks([], { env: { ...TOKENS, REDIS_URL: redis.url, OVERLAY_DIR: overlayDir } })).results, 'redis')!;
      expect(await check()).toMatchObject({ status: 'ok', detail: expect.stringContaining('appendfsync always') });
      await admin.config('SET', 'appendfsync', 'everysec');
      expect(await check()).toMatchObject({ status: 'warn', detail: expect.stringContaining('appendfsync everysec') });
      await admin.config('SET', 'appendonly', 'no');
      expect(await check()).toMatchObject({ status: 'fail', detail: expect.stringContaining('appendonly no') });
      admin.disconnect();
      await redis.stop();
      expect(await check()).toMatchObject({ status: 'fail', detail: expect.stringContaining('cannot reach Redis') });
    } finally {
      admin.disconnect();
      if (redis.running) await redis.stop();
    }
  });

  it('exits 1 when the show is not ready and 0 when it is, printing the list', async () => {
    const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', PORT: '0', DATA_DIR: join(work, 'data-cli'), OVERLAY_DIR: overlayDir };
    const notReady = await runCli(['check'], env);
    expect(notReady.code).toBe(1);
    expect(notReady.stdout).toMatch(/^ {2}FAIL {2}tokens/m);
    expect(notReady.stdout).toMatch(/NOT READY: 1 problem would fail on air/);
    const ready = await runCli(['check', '--campaign', await campaignPathWithoutStreams()], { ...env, ...TOKENS });
    expect(ready.stdout).toMatch(/^READY/m);
    expect(ready.code).toBe(0);
  });
});

async function campaignPathWithoutStreams(): Promise<string> {
  await init(['quiet-show'], work);
  const path = join(work, 'quiet-show/campaign.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), streams: [] }));
  return path;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
