import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, packAndInstall, startAndTime, stop } from '../package/packed-install.ts';

const BIN_SOURCE = fileURLToPath(new URL('../../src/feed/bin.ts', import.meta.url));

/** Times from spawn to the first `/api/state` answer, `runs` times, each with a fresh data directory. */
async function timeStarts(command: readonly string[], runs: number, env: Record<string, string>, dataRoot: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = await startAndTime(command, await freePort(), { SIMULATOR: 'off', DATA_DIR: join(dataRoot, `data-${command.length}-${run}`), ...env });
    times.push(started.firstStateMs);
    await stop(started.child);
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const summary = (times: number[]) => `${median(times).toFixed(0)} (runs: ${times.map((ms) => ms.toFixed(0)).join(', ')})`;

/**
 * The start time of the packaged command (goal: the first /api/state within 1 s), beside its baseline,
 * the same command from the sources through tsx (compiling TypeScript at run time; `npm start` before it
 * ran the bundle too).
 */
export async function benchStartTime(runs = 5): Promise<{ measure: string; value: string }[]> {
  const installed = await packAndInstall();
  const work = await mkdtemp(join(tmpdir(), 'bench-start-'));
  try {
    await writeFile(join(work, 'index.html'), '<!doctype html><title>bench</title>');
    const packaged = await timeStarts([installed.bin, 'start'], runs, {}, work);
    const repository = await timeStarts([process.execPath, '--import', 'tsx', BIN_SOURCE, 'start'], runs, { OVERLAY_DIR: work }, work);
    return [
      { measure: 'packaged start -> first /api/state (ms, goal <= 1000): median', value: summary(packaged) },
      { measure: '  the same from the sources through tsx, baseline: median', value: summary(repository) },
      { measure: '  package: tarball / unpacked (MB), files', value: `${(installed.tarballBytes / 1e6).toFixed(1)} / ${(installed.unpackedBytes / 1e6).toFixed(1)}, ${installed.files}` },
    ];
  } finally {
    await installed.cleanup();
    await rm(work, { recursive: true, force: true });
  }
}
