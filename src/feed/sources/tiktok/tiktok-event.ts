import { z } from 'zod';

/*
 * The one seam between tiktok-live-connector and our counting: `{ type, data }`, where `type` is the
 * library's event name and `data` is the payload it emitted, untouched.
 *
 * What the payloads look like, and where we read it (tiktok-live-connector 2.5.0, node_modules):
 * - dist/lib-*.js, TikTokLiveConnection.processDecodedData: every WebCast event is emitted as the decoded
 *   protobuf object itself (no flattening): `this.emit("gift", data)`, `emit(WebcastEventMap[type], data)`.
 *   WebcastSocialMessage goes out as "share" when `common.displayText.key` contains "share", as "follow"
 *   when it contains "follow", else as "social". A WebcastControlMessage whose action is STREAM_ENDED (3)
 *   or STREAM_SUSPENDED (4) is emitted as "streamEnd" `{ action }`, then the library disconnects.
 * - tiktok-live-proto/dist/node/v3.d.ts + v3.js (the decoder the library uses): int64 fields are decimal
 *   strings (`reader.int64().toString()`), absent fields take proto3 defaults ("0", 0, undefined):
 *     CommonMessageData   { msgId: string, roomId: string, createTime: string, displayText?: { key } }
 *     WebcastLikeMessage  { common, count: number, total: string }         total = the room's like count
 *     WebcastGiftMessage  { common, giftId: string, groupId: string, repeatCount: number,
 *                           repeatEnd: number, user?: User, gift?: { type: number, diamondCount: number } }
 *     WebcastChatMessage  { common, user, content: string }
 *     WebcastSocialMessage{ common, user, shareType, action, shareCount }
 *     WebcastRoomUserSeqMessage { common, total: string (viewers now), totalUser: string }
 *     User                { id: string, displayId: string (the @handle), nickname }
 * - "connected" carries TikTokLiveConnectionState { roomId, isConnected, ... } (index-*.d.ts);
 *   "disconnected" carries { code, reason }.
 * - The library's README still documents the 1.x flattened spellings (`totalLikeCount`, `likeCount`,
 *   `giftType`, `diamondCount`, `giftDetails.giftType`, `comment`, `viewerCount`, top-level `msgId`,
 *   `createTime`, `userId`), which its legacy WebcastPushConnection still produces. We accept those too,
 *   so a README-shaped payload or a switch to the legacy class cannot silently count nothing.
 * Every object is loose: the library adds fields in minor releases, and we read only what we count.
 */

/** int64 counters: decimal strings from the 2.x decoder, numbers from 1.x-shaped payloads. */
const Int64 = z
  .union([z.string().regex(/^\d{1,16}$/, { error: 'must be a decimal whole number' }), z.number().int().nonnegative()])
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, { error: 'is too large' }));

/** int64 identifiers stay strings (they exceed 2^53); proto3's "0" default means "absent". */
const Id = z
  .union([z.string().max(64), z.number().int().nonnegative()])
  .transform((id) => (String(id) === '0' || String(id) === '' ? undefined : String(id)));

const SmallCount = z.number().int().nonnegative().max(1_000_000);

const DisplayText = z.looseObject({ key: z.string().optional() }).nullish();

/** Where a message's id and creation time live: `common` in 2.x, the top level in 1.x-shaped payloads. */
const MessageFields = {
  common: z.looseObject({ msgId: Id.optional(), createTime: Int64.optional(), displayText: DisplayText }).nullish(),
  msgId: Id.optional(),
  createTime: Int64.optional(),
};

type MessageInput = { common?: { msgId?: string; createTime?: number } | null; msgId?: string; createTime?: number };

/** The facts every counted message carries, whichever spelling it came in. */
export interface MessageMeta {
  /** TikTok's message id, or null when the payload had none (then it cannot be deduplicated). */
  msgId: string | null;
  /** When TikTok created the message, ms since the epoch, or null when unknown. */
  createdAt: number | null;
}

/** TikTok timestamps are milliseconds; a value below 1e11 can only be seconds (it would be 1973 in ms). */
function toMillis(time: number | undefined): number | null {
  if (time === undefined || time === 0) return null;
  return time < 1e11 ? time * 1000 : time;
}

function metaOf(raw: MessageInput): MessageMeta {
  return { msgId: raw.common?.msgId ?? raw.msgId ?? null, createdAt: toMillis(raw.common?.createTime ?? raw.createTime) };
}

const LikeData = z
  .looseObject({
    ...MessageFields,
    total: Int64.optional().describe('2.x: WebcastLikeMessage.total, the room total'),
    totalLikeCount: Int64.optional().describe('README / 1.x spelling of the same total'),
  })
  .transform((raw, ctx) => {
    const totalLikes = raw.total ?? raw.totalLikeCount;
    if (totalLikes === undefined) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: 'a like needs the room total: `total` (2.x) or `totalLikeCount`' });
      return z.NEVER;
    }
    return { kind: 'like' as const, ...metaOf(raw), totalLikes };
  });

const Diamonds = z.number().int().nonnegative().max(1_000_000);
const GiftType = z.number().int();

/** The gift as the room's gift list describes it (`extendedGiftInfo`, JSON from TikTok's gift/list: snake_case). */
const ExtendedGiftInfo = z.looseObject({ diamond_count: Diamonds.optional(), diamondCount: Diamonds.optional(), type: GiftType.optional() }).nullish();

const GiftData = z
  .looseObject({
    ...MessageFields,
    giftId: Id.optional(),
    groupId: Id.optional().describe('groups the messages of one streak'),
    repeatCount: SmallCount.optional(),
    repeatEnd: z.union([z.number().int(), z.boolean()]).optional().describe('2.x: 1 on the message closing a streak; 1.x: true'),
    gift: z.looseObject({ type: GiftType.optional(), diamondCount: Diamonds.optional(), combo: z.boolean().optional() }).nullish().describe('2.x'),
    extendedGiftInfo: ExtendedGiftInfo.describe('2.x with enableExtendedGiftInfo: the room gift list entry'),
    giftDetails: z.looseObject({ giftType: GiftType.optional(), diamondCount: Diamonds.optional() }).nullish().describe('README'),
    giftType: GiftType.optional().describe('1.x'),
    diamondCount: Diamonds.optional().describe('1.x'),
    user: z.looseObject({ id: Id.optional(), userId: Id.optional(), uniqueId: z.string().optional(), displayId: z.string().optional() }).nullish(),
    userId: Id.optional(),
    uniqueId: z.string().optional(),
  })
  .transform((raw) => {
    const giftType = raw.gift?.type ?? raw.giftDetails?.giftType ?? raw.giftType ?? raw.extendedGiftInfo?.type;
    const diamondCount = raw.gift?.diamondCount ?? raw.giftDetails?.diamondCount ?? raw.diamondCount ?? raw.extendedGiftInfo?.diamond_count ?? raw.extendedGiftInfo?.diamondCount;
    return {
      kind: 'gift' as const,
      ...metaOf(raw),
      sender: raw.user?.id ?? raw.user?.userId ?? raw.userId ?? raw.user?.uniqueId ?? raw.user?.displayId ?? raw.uniqueId ?? 'unknown',
      giftId: raw.giftId ?? 'unknown',
      groupId: raw.groupId ?? '',
      /**
       * Streaks repeat with a rising repeatCount until a message with repeatEnd. giftType 1 streaks (library
       * README, "gift"); so does a gift whose details say `combo`, and so may one whose type is 0 or absent
       * (proto3's default, seen on combo gifts): those are counted as streaks too, which can only delay
       * them (to their repeatEnd or the timeout), never count them twice.
       */
      streakable: giftType === 1 || raw.gift?.combo === true || giftType === undefined || giftType === 0,
      /** The gift's price in coins (TikTok calls it diamondCount), or null when the message does not say. */
      diamondCount: diamondCount ?? null,
      // A gift message always stands for at least one gift; proto3 sends 0 when the field is absent.
      repeatCount: Math.max(1, raw.repeatCount ?? 1),
      repeatEnd: raw.repeatEnd === true || raw.repeatEnd === 1,
    };
  });

const ChatData = z.looseObject({ ...MessageFields }).transform((raw) => ({ kind: 'comment' as const, ...metaOf(raw) }));

const ShareData = z.looseObject({ ...MessageFields }).transform((raw) => ({ kind: 'share' as const, ...metaOf(raw) }));

/**
 * "social" is what the library could not classify as a share or a follow. We apply the library's own
 * test (`common.displayText.key` contains "share"; `displayType` in 1.x-shaped payloads), so a share
 * that reaches us as "social" still counts; a follow or anything else counts nothing.
 */
const SocialData = z.looseObject({ ...MessageFields, displayType: z.string().optional() }).transform((raw) => {
  const key = `${raw.common?.displayText?.key ?? ''} ${raw.displayType ?? ''}`.toLowerCase();
  return { kind: key.includes('share') ? ('share' as const) : ('other' as const), ...metaOf(raw) };
});

const RoomUserData = z
  .looseObject({ ...MessageFields, viewerCount: Int64.optional(), total: Int64.optional() })
  .transform((raw) => ({ kind: 'viewers' as const, ...metaOf(raw), viewers: raw.viewerCount ?? raw.total ?? null }));

const StreamEndData = z.looseObject({ action: z.number().int().optional() }).transform(() => ({ kind: 'streamEnd' as const }));

/** A gift of the room's gift list (`availableGifts` in the connection state, with enableExtendedGiftInfo). */
const AvailableGift = z.looseObject({ id: Id.optional(), diamond_count: Diamonds.optional(), diamondCount: Diamonds.optional() });

const ConnectedData = z
  .looseObject({ roomId: Id.optional(), availableGifts: z.unknown().optional() })
  .transform((raw) => ({ kind: 'connected' as const, roomId: raw.roomId ?? null, giftPrices: giftPricesOf(raw.availableGifts) }));

/** giftId → price in coins from the room's gift list; entries it cannot read are skipped, never fatal. */
function giftPricesOf(list: unknown): [string, number][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const parsed = AvailableGift.safeParse(entry);
    const price = parsed.success ? (parsed.data.diamond_count ?? parsed.data.diamondCount) : undefined;
    return parsed.success && parsed.data.id !== undefined && price !== undefined ? [[parsed.data.id, price] as [string, number]] : [];
  });
}

const DisconnectedData = z
  .looseObject({ code: z.number().optional(), reason: z.string().optional() })
  .nullish()
  .transform(() => ({ kind: 'disconnected' as const }));

const on = <T extends string, D extends z.ZodType>(type: T, data: D) => z.object({ type: z.literal(type), data });

/** The library's events we listen to, by their names in tiktok-live-connector 2.x (WebcastEvent / ControlEvent). */
export const TikTokEventSchema = z
  .discriminatedUnion('type', [
    on('like', LikeData),
    on('gift', GiftData),
    on('chat', ChatData),
    on('share', ShareData),
    on('social', SocialData),
    on('roomUser', RoomUserData),
    on('streamEnd', StreamEndData),
    on('connected', ConnectedData),
    on('disconnected', DisconnectedData),
  ])
  .transform((event) => event.data);

/** What the seam accepts: an event name and the payload the library emitted with it. */
export type TikTokEvent = z.input<typeof TikTokEventSchema>;
export type TikTokEventType = TikTokEvent['type'];
/** The same event, reduced to what counting needs. */
export type TikTokMessage = z.output<typeof TikTokEventSchema>;
export type GiftMessage = Extract<TikTokMessage, { kind: 'gift' }>;

/** The event names to subscribe to on a TikTokLiveConnection, in one place. */
export const TIKTOK_EVENT_TYPES: readonly TikTokEventType[] = [
  'like',
  'gift',
  'chat',
  'share',
  'social',
  'roomUser',
  'streamEnd',
  'connected',
  'disconnected',
];
