/**
 * The part of tiktok-live-connector's TikTokLiveConnection we use (2.5: an EventEmitter with
 * `connect(roomId?)` and `disconnect()`, dist/index-*.d.ts). Tests hand the source a stand-in with
 * the same shape; production gets the real class from `openTikTokLiveConnection`.
 */
export interface LiveConnection {
  on(event: string, listener: LibraryListener): unknown;
  off(event: string, listener: LibraryListener): unknown;
  /** Resolves once the WebSocket is open (after emitting "connected"); rejects with the library's error. */
  connect(): Promise<unknown>;
  disconnect(): Promise<void>;
  /**
   * Whether the user is live, asked on TikTok's unsigned routes (the LIVE page's HTML, then its API):
   * `fetchIsLive()` with IsLiveRouteConfig.skipFetchRoomIdFromEulerRoute set, so it never spends
   * sign-server quota. Rejects when TikTok answered neither route.
   */
  fetchIsLive(): Promise<boolean>;
  /** Every event name the library emits (its WebcastEvent and ControlEvent), for recording; absent: the counted ones. */
  readonly recordableEvents?: readonly string[];
}

/** The library's payloads are whatever its decoder produced: they are validated at the seam, not typed here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LibraryListener = (...args: any[]) => void;

/** Makes a fresh connection for one attempt (a new one per attempt: no listener or state survives a failure). */
export type OpenLiveConnection = (uniqueId: string) => LiveConnection | Promise<LiveConnection>;

/**
 * The real connection. The library is imported only here, and only when a TikTok source actually
 * connects, so tests and CI without internet never load it or touch the network.
 * - processInitialData: false: the batch of recent messages the sign server returns with the WebSocket
 *   URL is the connect backlog; the library then does not emit it at all (our counter drops it anyway);
 * - fetchRoomInfoOnConnect (default true) makes `connect()` reject with UserOfflineError when the user
 *   is not live, which the source reads as "ended: poll until the LIVE begins";
 * - enableExtendedGiftInfo: false: the room's gift list is a *signed* request (fetchRoomGiftsRoute signs
 *   gift/list), one more sign-server call per join. `giftList: true` (TIKTOK_GIFT_LIST=on) turns it on:
 *   gifts that arrive without their details are then priced from it (otherwise from earlier gifts of the kind);
 * - IsLiveRouteConfig.skipFetchRoomIdFromEulerRoute: liveness checks use TikTok's own unsigned routes only
 *   (a global setting of the library: this feed never wants the Euler fallback for them);
 * - the sign server's API key, if any, comes from the SIGN_API_KEY environment variable (the library's SignConfig).
 */
export const tiktokLiveConnections = ({ giftList = false }: { giftList?: boolean } = {}): OpenLiveConnection => async (uniqueId) => {
  const { TikTokLiveConnection, IsLiveRouteConfig, WebcastEvent, ControlEvent } = await import('tiktok-live-connector');
  IsLiveRouteConfig.skipFetchRoomIdFromEulerRoute = true;
  const connection = new TikTokLiveConnection(uniqueId, { processInitialData: false, fetchRoomInfoOnConnect: true, enableExtendedGiftInfo: giftList });
  // The raw and decoded duplicates of every message (rawData, decodedData, websocketData) are left out.
  const duplicates = new Set(['rawData', 'decodedData', 'websocketData', 'websocketConnected', 'error']);
  const recordableEvents = [...Object.values(WebcastEvent), ...Object.values(ControlEvent)].filter((name) => !duplicates.has(name));
  return Object.assign(connection, { recordableEvents });
};

export const openTikTokLiveConnection: OpenLiveConnection = tiktokLiveConnections();
