import { WebcastHttpClient, fetchRoomInfoFromApiLiveRoute, fetchRoomInfoFromHtmlRoute, getRandomPresets, getWebConfig } from 'tiktok-live-connector';

/** What TikTok says about one user, asked over its unsigned web endpoints only. */
export type UserProbe =
  | { kind: 'live'; roomId: string }
  | { kind: 'offline' }
  | { kind: 'not-found'; reason: string }
  | { kind: 'unreachable'; reason: string };

export interface TikTokProbe {
  users: Map<string, UserProbe>;
  /** TikTok's clock minus ours, in ms, from the Date header of its answers (1 s resolution); null without an answer. */
  clockOffsetMs: number | null;
}

export interface TikTokProbeOptions {
  /** Where TikTok's website is (www.tiktok.com); another host for a proxy or a test. */
  webHost?: string;
  /** Extra options for the library's HTTP client (`got`): an agent, a certificate authority. */
  httpOptions?: Record<string, unknown>;
  timeoutMs?: number;
  now?: () => number;
}

// The library marks a room that is not on the air with status 4.
const OFFLINE_STATUS = 4;

/**
 * Asks TikTok whether each user exists and is live now. Only the two unsigned routes the library offers
 * are used (the LIVE page's embedded state, then the api-live endpoint): the library's own `fetchIsLive`
 * falls back on the sign server, which spends its quota, so it is not called. Nothing is retried: a
 * check is a snapshot, and a producer runs it again.
 */
export async function probeTikTok(uniqueIds: readonly string[], options: TikTokProbeOptions = {}): Promise<TikTokProbe> {
  const now = options.now ?? Date.now;
  const offsets: number[] = [];
  // The library takes its request timeout from this variable only (its constructor drops `timeout`).
  process.env['TIKTOK_CLIENT_TIMEOUT'] ??= String(options.timeoutMs ?? 5000);
  const config = { ...getWebConfig(getRandomPresets()), ...(options.webHost ? { TIKTOK_HOST_WEB: options.webHost } : {}) };
  let sentAt = 0;
  const webClient = new WebcastHttpClient(config, undefined, {
    retry: { limit: 0 },
    hooks: {
      beforeRequest: [() => void (sentAt = now())],
      afterResponse: [
        (response: { headers: Record<string, string | undefined> }) => {
          const date = Date.parse(response.headers['date'] ?? '');
          // Compared with the middle of the round trip, the best guess of when TikTok read its clock.
          if (Number.isFinite(date)) offsets.push(date + 500 - (sentAt + now()) / 2);
          return response;
        },
      ],
    },
    ...options.httpOptions,
  } as never);

  const users = new Map<string, UserProbe>();
  // One user at a time: the sampling reuses `sentAt`, and five requests are quick.
  for (const uniqueId of uniqueIds) users.set(uniqueId, await probeUser(webClient, uniqueId));
  const sorted = offsets.sort((a, b) => a - b);
  return { users, clockOffsetMs: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : null };
}

async function probeUser(webClient: WebcastHttpClient, uniqueId: string): Promise<UserProbe> {
  let htmlProblem: string;
  try {
    const info = (await fetchRoomInfoFromHtmlRoute({ webClient, uniqueId })) as { user?: { uniqueId?: string; roomId?: string }; liveRoom?: { status?: number } };
    if (info.user?.uniqueId || info.user?.roomId) return liveness(info.liveRoom?.status, info.user.roomId);
    htmlProblem = 'the LIVE page names no such user';
  } catch (error) {
    if (isNetworkError(error)) return { kind: 'unreachable', reason: describe(error) };
    htmlProblem = describe(error);
  }
  try {
    const room = (await fetchRoomInfoFromApiLiveRoute({ webClient, uniqueId })) as { data?: { user?: { roomId?: string }; liveRoom?: { status?: number } } };
    return liveness(room.data?.liveRoom?.status, room.data?.user?.roomId);
  } catch (error) {
    if (isNetworkError(error)) return { kind: 'unreachable', reason: describe(error) };
    return { kind: 'not-found', reason: `${htmlProblem}; ${describe(error)}` };
  }
}

function liveness(status: number | undefined, roomId: string | undefined): UserProbe {
  return status !== undefined && status !== OFFLINE_STATUS && roomId ? { kind: 'live', roomId } : { kind: 'offline' };
}

/** No answer from TikTok at all (DNS, refused, timeout, TLS), as opposed to an answer about the user. */
function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code ?? '';
  return /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ERR_TLS|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_VERIFY|CERT_)/.test(code || cause);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
