import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ChildScript } from './fixtures/child-process.ts';

const CLI = fileURLToPath(new URL('../../src/feed/bin.ts', import.meta.url));
let workDir: string | undefined;
const children: ChildScript[] = [];
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill9()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('npm start without tokens', () => {
  it('generates the control and ingest tokens, prints each once, and they work; the journal survives a stop', async () => {
    workDir = await mkdtemp(join(tmpdir(), 'cli-security-'));
    await writeFile(join(workDir, 'index.html'), '<!doctype html><title>overlay</title>');
    const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', PORT: '0', SIMULATOR: 'off', OVERLAY_DIR: workDir, DATA_DIR: join(workDir, 'data') };
    const child = new ChildScript(CLI, ['start'], env);
    children.push(child);
    const urlLine = await child.waitForLine((line) => line.includes('OBS browser source'));
    const url = /(http:\/\/\S+)\//.exec(urlLine)![1]!;
    await child.waitForLine((line) => line.includes('Ctrl+C stops.'));
    const tokenOf = (name: string) => new RegExp(`${name} was not set; generated .*: (\\S+)$`).exec(child.lines.find((line) => line.includes(`${name} was not set`)) ?? '')?.[1];
    const controlToken = tokenOf('CONTROL_TOKEN');
    const ingestToken = tokenOf('INGEST_TOKEN');
    expect(controlToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ingestToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const ingest = await fetch(`${url}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: 'cli-1', source: 'test', reactions: [{ kind: 'like', count: 7, region: 'noto', market: 'jp', eventId: 'a' }] }),
    });
    expect(ingest.status).toBe(200);
    const status = await fetch(`${url}/api/control/status`, { headers: { authorization: `Bearer ${controlToken}` } });
    expect(status.status).toBe(200);

    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    const everything = [...child.lines, ...child.stderr].join('\n');
    // Printed once each, on their own line, and nowhere else.
    expect(everything.split(controlToken!).length - 1).toBe(1);
    expect(everything.split(ingestToken!).length - 1).toBe(1);

    const restarted = new ChildScript(CLI, ['start'], env);
    children.push(restarted);
    const restartedUrl = /(http:\/\/\S+)\//.exec(await restarted.waitForLine((line) => line.includes('OBS browser source')))![1]!;
    const state = (await (await fetch(`${restartedUrl}/api/state`)).json()) as { totals: { likes: number } };
    expect(state.totals.likes).toBe(7);
    // New tokens this time: the old ones were never stored anywhere.
    expect(restarted.lines.join('\n')).not.toContain(ingestToken);
  });
});
