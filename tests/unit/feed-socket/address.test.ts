import { describe, expect, it } from 'vitest';
import { socketAddress } from '../../../src/feed-socket/address.ts';

const PAGE = 'http://127.0.0.1:5173/control.html?lang=ja';

describe('socketAddress', () => {
  it("connects to the page's own origin, main namespace, when given no URL", () => {
    expect(socketAddress(null, PAGE)).toEqual({ url: 'ws://127.0.0.1:5173/socket.io/?EIO=4&transport=websocket', namespace: '/' });
  });

  it('reads a path as a namespace on the page origin (the control page)', () => {
    expect(socketAddress('/control', PAGE)).toEqual({ url: 'ws://127.0.0.1:5173/socket.io/?EIO=4&transport=websocket', namespace: '/control' });
  });

  it('connects to another feed, wss for https, its query going with the handshake', () => {
    expect(socketAddress('https://feed.example.org:8443/?node=b', PAGE)).toEqual({
      url: 'wss://feed.example.org:8443/socket.io/?node=b&EIO=4&transport=websocket',
      namespace: '/',
    });
    expect(socketAddress('http://192.168.1.20:8080', undefined).url).toBe('ws://192.168.1.20:8080/socket.io/?EIO=4&transport=websocket');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => socketAddress('ftp://feed.example.org/', PAGE)).toThrow(/ftp:\/\/feed\.example\.org\/ is not http\(s\)/);
  });
});
