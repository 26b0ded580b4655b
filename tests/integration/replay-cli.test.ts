import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../../src/feed/sources/tiktok/recording.ts';
import { ChildScript } from './fixtures/child-process.ts';

/* `npm run replay` as a producer runs it: the real entry point, through tsx, on recordings in files. */

const dir = mkdtempSync(join(tmpdir(), 'tiktok-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => `tests/fixtures/tiktok/${name}.jsonl`;

async function run(args: string[]): Promise<{ code: number | null; lines: string[]; stderr: string[] }> {
  const child = new ChildScript('src/feed/bin.ts', ['replay', ...args]);
  const code = await child.exited;
  // Let readline deliver the last lines.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, lines: child.lines, stderr: child.stderr };
}

describe('npm run replay', () => {
  it('plays recordings of several streams, skips a bad line with its place, and ends with the totals as one JSON line', async () => {
    // The Kumamoto stream's recording: the like fixture moved to another stream of the sample campaign, and a broken line.
    const kumamoto = readFileSync(fixture('like-batches'), 'utf8').replaceAll('"locallove_tohoku"', '"locallove_kumamoto"');
    const file = join(dir, 'kumamoto.jsonl');
    writeFileSync(file, kumamoto.replace('\n', '\n{"at": oops\n'));
    const { code, lines, stderr } = await run([fixture('gift-streaks'), file]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${file}:2: skipped: not JSON: Unexpected token 'o', "{"at": oops" is not valid JSON`);
    const last = JSON.parse(lines.at(-1)!);
    expect(last.totals).toEqual({ likes: 101, comments: 0, gifts: 10, giftDiamonds: 30_095, shares: 0 });
    expect(last.streams.locallove_tohoku).toMatchObject({ region: 'tohoku', market: 'jp', totals: { gifts: 10, giftDiamonds: 30_095 } });
    expect(last.streams.locallove_kumamoto).toMatchObject({ region: 'kumamoto', market: 'tw', totals: { likes: 101 }, stats: { counted: 9, malformed: 0 } });
    expect(lines).toContain('@locallove_kumamoto (kumamoto/tw): 101 likes, 0 comments, 0 gifts (0 coins), 0 shares');
    expect(lines).toContain('in all: 101 likes, 0 comments, 10 gifts (30095 coins), 0 shares');
  });

  it('says what it dropped and why', async () => {
    const { lines } = await run([fixture('connect-backlog')]);
    expect(lines).toContain(
      '  counted 4 messages; dropped 6 as connect backlog, 0 as duplicates, 0 malformed; 0 gifts of unknown price; 0 streaks closed by timeout; 0 other events',
    );
    expect(JSON.parse(lines.at(-1)!).totals).toEqual({ likes: 50, comments: 2, gifts: 0, giftDiamonds: 0, shares: 0 });
  });

  it('redacts a recording into a file that replays to the same totals', async () => {
    const file = join(dir, 'duplicates.jsonl');
    writeFileSync(file, readFileSync(fixture('duplicates'), 'utf8'));
    const redacted = await run(['--redact', file]);
    expect(redacted.code).toBe(0);
    const out = readFileSync(join(dir, 'duplicates.redacted.jsonl'), 'utf8');
    expect(parseRecording(out, 'out').events).toHaveLength(13);
    expect(out).not.toContain('ありがとう');
    const [plain, pseudonymous] = await Promise.all([run([file]), run([join(dir, 'duplicates.redacted.jsonl')])]);
    expect(JSON.parse(pseudonymous.lines.at(-1)!).totals).toEqual(JSON.parse(plain.lines.at(-1)!).totals);
  });

  it('refuses to run without a recording, and says how to use it', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(1);
    expect(stderr.join('\n')).toMatch(/local-love-overlay replay failed: no recording given\nusage: local-love-overlay replay FILE\.\.\. \[--campaign PATH\]/);
  });
});
