import { spawn } from 'node:child_process';
import * as nodeFs from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, announceStopping, lockDataDir, probeDataDirLock } from '../../../../../src/feed/store/journal/directory-lock.ts';
import { JournalStore } from '../../../../../src/feed/store/journal/journal-store.ts';
import { checkDataDir } from '../../../../../src/feed/check/local-checks.ts';
import { makeTempDirs, openStore } from './store-helpers.ts';

const dirs = await makeTempDirs();
afterEach(() => dirs.removeAll());

describe('one writer per data directory', () => {
  it('refuses a second store on a held directory, naming the directory and the holder, until the first closes', async () => {
    const dir = await dirs.make();
    const { store } = await openStore(dir);
    const refused = new JournalStore({ dir, log: () => {} }).open();
    await expect(refused).rejects.toThrow(DataDirInUseError);
    await expect(refused).rejects.toThrow(`data directory ${dir} is in use by process ${process.pid} on ${hostname()}`);
    expect(await probeDataDirLock(dir)).toMatchObject({ holder: { pid: process.pid, state: 'running' } });
    expect(await checkDataDir(dir)).toMatchObject({ status: 'warn', detail: expect.stringContaining(`${dir} is in use by process ${process.pid} on ${hostname()}`) });
    await store.close();
    expect(await probeDataDirLock(dir)).toBeNull();
    expect(await checkDataDir(dir)).toMatchObject({ status: 'ok' });
    const { store: second } = await openStore(dir);
    await second.close();
  });

  it('is not fooled by an owner file or a socket file naming a live process that holds nothing', async () => {
    const dir = await dirs.make();
    const unrelated = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      // What an old LOCK file, or one left in a container whose pids start again, looks like.
      await nodeFs.writeFile(join(dir, 'LOCK'), `in use by local-love-overlay: pid ${unrelated.pid} on ${hostname()} since 2026-01-01T00:00:00.000Z\n`);
      await nodeFs.writeFile(join(dir, 'LOCK.sock'), '');
      expect(await probeDataDirLock(dir)).toBeNull();
      const { store } = await openStore(dir);
      expect(await nodeFs.readFile(join(dir, 'LOCK'), 'utf8')).toContain(`pid ${process.pid} on ${hostname()}`);
      await store.close();
      await expect(nodeFs.access(join(dir, 'LOCK'))).rejects.toThrow(/ENOENT/);
    } finally {
      unrelated.kill('SIGKILL');
    }
  });

  it('waits for a holder that is stopping, and gives up on one that stays stopping', async () => {
    const dir = await dirs.make();
    const first = await lockDataDir(dir);
    announceStopping();
    const lines: string[] = [];
    const waiting = lockDataDir(dir, { log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.join('\n')).toContain(`is held by process ${process.pid}, which is stopping; waiting up to 5000 ms`);
    await first.release();
    const second = await waiting;
    expect(lines.at(-1)).toMatch(/was released by the feed that was stopping; taken after \d+ ms/);
    announceStopping();
    await expect(lockDataDir(dir, { waitForStoppingMs: 200 })).rejects.toThrow(/in use by process \d+ on .*, still stopping after \d+ ms/);
    await second.release();
  });
});
