import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileRecorder } from '../../../src/feed/sources/tiktok/recorder.ts';
import { parseRecording, recordLine } from '../../../src/feed/sources/tiktok/recording.ts';
import { Redactor } from '../../../src/feed/sources/tiktok/redact.ts';
import { Replay } from '../../../src/feed/sources/tiktok/replay.ts';
import { FIXTURES, loadFixture, T0, TARGET } from './replay.ts';

describe('recordings', () => {
  it('report a bad line with its file and line number and keep the others', () => {
    const good = recordLine({ at: T0, stream: 'locallove_tohoku', event: 'chat', data: { content: 'hi' } });
    const { events, bad } = parseRecording(`${good}\n{"at": "soon"\n\n{"at": 1, "stream": "x", "event": "chat"}\n${good}\n`, 'show.jsonl');
    expect(events).toHaveLength(2);
    expect(bad).toEqual([
      { file: 'show.jsonl', line: 2, problem: expect.stringMatching(/^not JSON/) },
      { file: 'show.jsonl', line: 4, problem: expect.stringMatching(/^data: /) },
    ]);
  });

  it('spell out what JSON cannot hold: BigInt, bytes, errors', () => {
    const line = recordLine({ at: 1, stream: 's', event: 'error', data: { id: 7441n, raw: new Uint8Array([1, 2, 255]), exception: new TypeError('bad wire type') } });
    expect(JSON.parse(line).data).toEqual({ id: '7441', raw: { $bytes: 'AQL/' }, exception: { name: 'TypeError', message: 'bad wire type' } });
  });

  it('are written one file per stream and UTC day, one line per event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiktok-record-'));
    try {
      const record = fileRecorder(dir, { log: () => {} });
      record({ at: T0, stream: 'locallove_tohoku', event: 'chat', data: { content: 'a' } });
      record({ at: T0 + 1, stream: 'locallove_tohoku', event: 'like', data: { total: '5' } });
      record({ at: T0, stream: 'locallove_noto', event: 'chat', data: { content: 'b' } });
      const tohoku = parseRecording(readFileSync(join(dir, 'locallove_tohoku-2024-11-25.jsonl'), 'utf8'), 'tohoku');
      expect(tohoku.events.map((e) => e.event)).toEqual(['chat', 'like']);
      expect(parseRecording(readFileSync(join(dir, 'locallove_noto-2024-11-25.jsonl'), 'utf8'), 'noto').events).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('redaction', () => {
  const payload = {
    common: { msgId: '7441234567890000001', createTime: '1732500001000' },
    user: { id: '6900000000000000001', displayId: 'sakura_fan', nickname: 'さくら', profilePicture: { url: ['https://p16.tiktokcdn.com/a.jpg'] } },
    content: '東北がんばれ！',
    giftId: '5655',
    repeatCount: 3,
    gift: { id: '5655', name: 'Rose', type: 1, diamondCount: 1 },
  };

  it('replaces viewers’ ids, names and texts with stable pseudonyms, drops pictures, keeps what counting needs', () => {
    const redactor = new Redactor('test-key');
    const out = redactor.payload(payload) as typeof payload;
    const text = JSON.stringify(out);
    for (const secret of ['6900000000000000001', 'sakura_fan', 'さくら', '東北がんばれ', 'tiktokcdn']) expect(text).not.toContain(secret);
    expect(out.user.id).toMatch(/^\d+$/);
    expect(out.common).toEqual(payload.common);
    expect(out.gift).toEqual(payload.gift);
    expect([out.giftId, out.repeatCount]).toEqual(['5655', 3]);
    // Stable: the same viewer gets the same pseudonym, another viewer another.
    expect(redactor.payload(payload)).toEqual(out);
    const other = redactor.payload({ ...payload, user: { ...payload.user, id: '6900000000000000002' } }) as typeof payload;
    expect(other.user.id).not.toBe(out.user.id);
    expect(new Redactor('another-key').payload(payload)).not.toEqual(out);
  });

  it('changes no count: every fixture replays to the same totals redacted', () => {
    const redactor = new Redactor('test-key');
    for (const name of FIXTURES) {
      const events = loadFixture(name);
      const plain = new Replay(() => TARGET).play(events).finish();
      const redacted = new Replay(() => TARGET).play(events.map((event) => ({ ...event, data: redactor.payload(event.data) }))).finish();
      expect(redacted.totals, name).toEqual(plain.totals);
      expect(JSON.stringify(redacted.streams), name).toEqual(JSON.stringify(plain.streams));
    }
  });
});
