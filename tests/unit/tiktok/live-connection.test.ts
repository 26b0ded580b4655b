import { describe, expect, it } from 'vitest';
import { tiktokLiveConnections } from '../../../src/feed/sources/tiktok/live-connection.ts';
import { TIKTOK_EVENT_TYPES } from '../../../src/feed/sources/tiktok/tiktok-event.ts';

/*
 * The real tiktok-live-connector, constructed but never connected (no network): what the source relies on
 * must exist under these names in the installed version, or a library update would count nothing silently.
 */
describe('the real library connection', () => {
  it('has the methods the source calls, emits every event we count, and checks liveness without Euler', async () => {
    const library = await import('tiktok-live-connector');
    const connection = await tiktokLiveConnections()('locallove_tohoku');
    for (const method of ['connect', 'disconnect', 'fetchIsLive', 'on', 'off'] as const) expect(typeof connection[method], method).toBe('function');
    expect(library.IsLiveRouteConfig.skipFetchRoomIdFromEulerRoute).toBe(true);
    const emitted = new Set<string>([...Object.values(library.WebcastEvent), ...Object.values(library.ControlEvent)]);
    for (const type of TIKTOK_EVENT_TYPES) expect(emitted.has(type), type).toBe(true);
    expect(connection.recordableEvents).toEqual(expect.arrayContaining(['gift', 'like', 'chat', 'member', 'roomUser', 'streamEnd', 'connected', 'disconnected']));
    expect(connection.recordableEvents).not.toContain('rawData');
    await connection.disconnect();
  });
});
