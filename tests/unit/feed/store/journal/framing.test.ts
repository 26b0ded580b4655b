import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAME_HEADER_BYTES, encodeFrame, findNextFrame, readFrame } from '../../../../../src/feed/store/journal/framing.ts';

describe('journal frames', () => {
  it('read back exactly what was written, unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (payload) => {
        const frame = encodeFrame(payload);
        const read = readFrame(frame, 0);
        expect(read).toEqual({ ok: true, payload, end: frame.length });
      }),
    );
  });

  it('detect any single flipped bit, in the header or the payload', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (payload, at, bit) => {
        const frame = encodeFrame(payload);
        const index = at % frame.length;
        frame[index] = frame[index]! ^ (1 << bit);
        expect(readFrame(frame, 0).ok).toBe(false);
      }),
    );
  });

  it('name a torn frame as torn, whatever byte it stops at', () => {
    const frame = encodeFrame('{"t":"r"}');
    for (let length = 0; length < frame.length; length++) {
      const read = readFrame(frame.subarray(0, length), 0);
      expect(read).toEqual({ ok: false, problem: length < FRAME_HEADER_BYTES ? 'torn header' : 'torn payload' });
    }
  });

  it('refuse a length no record could have', () => {
    const frame = encodeFrame('x');
    frame.writeUInt32LE(0xffffffff, 2);
    expect(readFrame(frame, 0)).toEqual({ ok: false, problem: 'impossible length' });
  });

  it('find the next intact frame after damage, and none in garbage', () => {
    const first = encodeFrame('first');
    const second = encodeFrame('second');
    const damaged = Buffer.concat([first, second]);
    damaged[FRAME_HEADER_BYTES] = damaged[FRAME_HEADER_BYTES]! ^ 0xff;
    expect(readFrame(damaged, 0).ok).toBe(false);
    expect(findNextFrame(damaged, 1)).toBe(first.length);
    expect(findNextFrame(Buffer.from('LJLJ garbage LJ\x00\x00'), 0)).toBe(-1);
  });
});
