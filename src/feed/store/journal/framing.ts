import { crc32 } from 'node:zlib';

/**
 * The on-disk frame of every journal record and of the snapshot file:
 *
 *   magic "LJ" (2 bytes) | payload length (u32 LE) | CRC32 of length+payload (u32 LE) | payload (UTF-8 JSON)
 *
 * The magic lets recovery find the next intact frame after a damaged one; the CRC covers the length too,
 * so a flipped length byte cannot make recovery read a wrong-sized payload as if it were valid.
 */
const MAGIC_0 = 0x4c; // 'L'
const MAGIC_1 = 0x4a; // 'J'
export const FRAME_HEADER_BYTES = 10;
/** No record we write comes near this; a larger length can only be damage. */
export const MAX_FRAME_PAYLOAD_BYTES = 64 * 1024 * 1024;

export function encodeFrame(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame[0] = MAGIC_0;
  frame[1] = MAGIC_1;
  frame.writeUInt32LE(body.length, 2);
  frame.writeUInt32LE(crc32(body, crc32(frame.subarray(2, 6))), 6);
  body.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

export type FrameProblem = 'torn header' | 'bad magic' | 'impossible length' | 'torn payload' | 'checksum mismatch';

export type FrameRead =
  | { ok: true; payload: string; end: number }
  | { ok: false; problem: FrameProblem };

/** Reads the frame starting at `offset`, checking everything but what the payload means. */
export function readFrame(buffer: Buffer, offset: number): FrameRead {
  if (buffer.length - offset < FRAME_HEADER_BYTES) return { ok: false, problem: 'torn header' };
  if (buffer[offset] !== MAGIC_0 || buffer[offset + 1] !== MAGIC_1) return { ok: false, problem: 'bad magic' };
  const length = buffer.readUInt32LE(offset + 2);
  if (length > MAX_FRAME_PAYLOAD_BYTES) return { ok: false, problem: 'impossible length' };
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > buffer.length) return { ok: false, problem: 'torn payload' };
  const body = buffer.subarray(offset + FRAME_HEADER_BYTES, end);
  const expected = buffer.readUInt32LE(offset + 6);
  if (crc32(body, crc32(buffer.subarray(offset + 2, offset + 6))) !== expected) return { ok: false, problem: 'checksum mismatch' };
  return { ok: true, payload: body.toString('utf8'), end };
}

/** The offset of the next intact frame after `from`, or -1: how recovery skips a damaged record. */
export function findNextFrame(buffer: Buffer, from: number): number {
  for (let offset = buffer.indexOf(MAGIC_0, from); offset !== -1; offset = buffer.indexOf(MAGIC_0, offset + 1)) {
    if (readFrame(buffer, offset).ok) return offset;
  }
  return -1;
}
