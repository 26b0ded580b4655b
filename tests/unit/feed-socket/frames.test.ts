import { describe, expect, it } from 'vitest';
import { messageFrame, readFrame } from '../../../src/feed-socket/frames.ts';

describe('engine.io frames', () => {
  it('reads the open packet the socket.io server sends', () => {
    const open = '0{"sid":"lv4Tq3pZ","upgrades":[],"pingInterval":5000,"pingTimeout":5000,"maxPayload":65536}';
    expect(readFrame(open)).toEqual({ kind: 'open', handshake: { sid: 'lv4Tq3pZ', pingInterval: 5_000, pingTimeout: 5_000, maxPayload: 65_536 } });
  });

  it('refuses a handshake it cannot keep a heartbeat by, naming what is wrong', () => {
    expect(readFrame('0{"sid":')).toEqual({ kind: 'bad-open', problem: 'its JSON does not parse' });
    expect(readFrame('0{"pingInterval":1,"pingTimeout":1}')).toEqual({ kind: 'bad-open', problem: 'it has no sid' });
    expect(readFrame('0{"sid":"a","pingInterval":"5000","pingTimeout":5000}')).toMatchObject({ kind: 'bad-open', problem: expect.stringMatching(/pingInterval/) });
    expect(readFrame('0null')).toEqual({ kind: 'bad-open', problem: 'it has no sid' });
  });

  it('takes a handshake without maxPayload as unlimited', () => {
    expect(readFrame('0{"sid":"a","pingInterval":25000,"pingTimeout":20000}')).toMatchObject({ handshake: { maxPayload: Number.POSITIVE_INFINITY } });
  });

  it('reads ping, close and messages, and passes over pong, upgrade and noop', () => {
    expect(readFrame('2')).toEqual({ kind: 'ping' });
    expect(readFrame('1')).toEqual({ kind: 'close' });
    expect(readFrame('42["update",{}]')).toEqual({ kind: 'message', data: '2["update",{}]' });
    for (const frame of ['3', '5', '6']) expect(readFrame(frame)).toEqual({ kind: 'ignored' });
  });

  it('names an unknown or binary packet instead of throwing', () => {
    expect(readFrame('9x')).toEqual({ kind: 'unreadable', problem: 'unknown engine.io packet type "9"' });
    expect(readFrame('')).toEqual({ kind: 'unreadable', problem: 'unknown engine.io packet type ""' });
    expect(readFrame('bAAEC')).toMatchObject({ kind: 'unreadable', problem: expect.stringMatching(/binary/) });
  });

  it('frames a message', () => {
    expect(messageFrame('2["time"]')).toBe('42["time"]');
  });
});
