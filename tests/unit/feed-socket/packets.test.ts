import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { ackPacket, connectPacket, disconnectPacket, eventPacket, readPacket } from '../../../src/feed-socket/packets.ts';

/** What the socket.io server's own parser makes of a packet we send. */
function serverReads(text: string): Packet {
  const decoder = new Decoder();
  let decoded: Packet | undefined;
  decoder.on('decoded', (packet: Packet) => (decoded = packet));
  decoder.add(text);
  return decoded!;
}

/** What the socket.io server's own parser sends. */
const serverWrites = (packet: Packet) => new Encoder().encode(packet)[0] as string;

describe('socket.io packets we send, as the server reads them', () => {
  it('connects to a namespace, with auth or without', () => {
    expect(serverReads(connectPacket('/'))).toEqual({ type: PacketType.CONNECT, nsp: '/' });
    expect(serverReads(connectPacket('/control', { token: 'secret, with a comma' }))).toEqual({ type: PacketType.CONNECT, nsp: '/control', data: { token: 'secret, with a comma' } });
  });

  it('sends events with and without an ack id, and acks', () => {
    expect(serverReads(eventPacket('/', 'subscribe', [{ v: 1, region: null }], 0))).toEqual({ type: PacketType.EVENT, nsp: '/', id: 0, data: ['subscribe', { v: 1, region: null }] });
    expect(serverReads(eventPacket('/control', 'command', [{ type: 'next' }], 12))).toEqual({ type: PacketType.EVENT, nsp: '/control', id: 12, data: ['command', { type: 'next' }] });
    expect(serverReads(eventPacket('/', 'time', []))).toEqual({ type: PacketType.EVENT, nsp: '/', data: ['time'] });
    expect(serverReads(ackPacket('/control', 7, [{ ok: true }]))).toEqual({ type: PacketType.ACK, nsp: '/control', id: 7, data: [{ ok: true }] });
  });

  it('leaves a namespace', () => {
    expect(serverReads(disconnectPacket('/control'))).toEqual({ type: PacketType.DISCONNECT, nsp: '/control' });
  });
});

describe('socket.io packets the server sends, as we read them', () => {
  it("reads the server's connect answer and its refusal (connect_error with message and data)", () => {
    expect(readPacket(serverWrites({ type: PacketType.CONNECT, nsp: '/control', data: { sid: 'x1' } }))).toEqual({ ok: true, packet: { type: 'connect', nsp: '/control', sid: 'x1' } });
    const refusal = { message: 'unauthorised: connect with auth: { token }', data: { code: 'unauthorised', message: 'unauthorised' } };
    expect(readPacket(serverWrites({ type: PacketType.CONNECT_ERROR, nsp: '/control', data: refusal }))).toEqual({ ok: true, packet: { type: 'connect_error', nsp: '/control', ...refusal } });
    expect(readPacket('4/control,"Invalid namespace"')).toEqual({ ok: true, packet: { type: 'connect_error', nsp: '/control', message: 'Invalid namespace' } });
  });

  it('reads events (an ack id too), acks and the server closing the socket', () => {
    const state = { seq: 3, region: null, nested: { list: [1, 'two', null] } };
    expect(readPacket(serverWrites({ type: PacketType.EVENT, nsp: '/', data: ['update', state] }))).toEqual({ ok: true, packet: { type: 'event', nsp: '/', name: 'update', args: [state] } });
    expect(readPacket(serverWrites({ type: PacketType.EVENT, nsp: '/control', id: 4, data: ['status'] }))).toEqual({ ok: true, packet: { type: 'event', nsp: '/control', id: 4, name: 'status', args: [] } });
    expect(readPacket(serverWrites({ type: PacketType.ACK, nsp: '/', id: 1234, data: [1_780_000_000_000] }))).toEqual({ ok: true, packet: { type: 'ack', nsp: '/', id: 1234, args: [1_780_000_000_000] } });
    expect(readPacket(serverWrites({ type: PacketType.DISCONNECT, nsp: '/control' }))).toEqual({ ok: true, packet: { type: 'disconnect', nsp: '/control' } });
  });

  it('names what is wrong with a packet it cannot use, and never throws', () => {
    const problems: [string, RegExp][] = [
      ['51-["update",{"_placeholder":true,"num":0}]', /binary packet/],
      ['61-0[{"_placeholder":true,"num":0}]', /binary packet/],
      ['7', /unknown socket\.io packet type "7"/],
      ['', /unknown socket\.io packet type ""/],
      ['2["update",', /JSON does not parse/],
      ['2{"update":1}', /not an array starting with its name/],
      ['2[42]', /not an array starting with its name/],
      ['2["connect"]', /"connect", a name socket\.io reserves/],
      ['3[1]', /ack without an id/],
      ['0{}', /without a sid/],
      ['4{"data":1}', /without a message/],
    ];
    for (const [text, problem] of problems) expect(readPacket(text)).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });
});
