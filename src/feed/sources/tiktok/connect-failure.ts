/**
 * What a failed connection attempt means for the next one. Read from the errors tiktok-live-connector
 * 2.5 throws (dist/lib-*.js, "src/types/errors.ts" region), recognised by class name and fields rather
 * than `instanceof`, because the library is imported lazily and tests use a stand-in:
 * - SignatureRateLimitError (a SignAPIError with `reason: "Rate Limited"`, message "[Rate Limited] ..."),
 *   thrown when the sign server answers 429; `retryAfter` is its Retry-After header in ms (0 when absent),
 *   `resetTime` its X-RateLimit-Reset header in ms since the epoch (undefined when absent): a daily limit
 *   is only lifted then;
 * - UserOfflineError: room info says the user is not live (status 4);
 * - InvalidUniqueIdError, PremiumFeatureError (402/403 from the sign server), AuthenticatedWebSocketConnectionError:
 *   nothing a retry can fix;
 * - TikTok's own 429: the room-id and is-live lookups (fetchRoomIdComposite, fetchIsLiveComposite) try
 *   several routes and throw InvalidResponseCompositeError "Failed to retrieve Room ID from all sources.",
 *   the routes' errors in `config.requestErrs`: got's HTTPError (`response.statusCode` 429) from the HTML
 *   and API routes, InvalidResponseError "[fetchRoomIdRoute] ... 429 ..." from the Euler route. A 429
 *   anywhere in there is a rate limit too, not an ordinary failure to hammer again in a second;
 * - anything else (timeouts, network, room id not found): worth retrying.
 * A rate limit may hide inside InvalidResponseCompositeError.config.requestErrs or an error's `cause`.
 */
export type ConnectFailure =
  | { kind: 'rate-limited'; by: 'sign-server' | 'tiktok'; retryAfterMs: number | null; resetAt: number | null; message: string }
  | { kind: 'offline'; message: string }
  | { kind: 'permanent'; message: string }
  | { kind: 'transient'; message: string };

const PERMANENT = new Set(['InvalidUniqueIdError', 'PremiumFeatureError', 'AuthenticatedWebSocketConnectionError']);
const PERMANENT_REASONS = new Set(['Premium Feature', 'Authenticated WS']);

export function classifyConnectFailure(error: unknown): ConnectFailure {
  const message = describeError(error);
  const chain = errorChain(error);
  const rateLimit = chain.find(
    (e) => className(e) === 'SignatureRateLimitError' || field(e, 'reason') === 'Rate Limited' || /\[Rate Limited\]/.test(String(field(e, 'message'))),
  );
  if (rateLimit) {
    const retryAfter = field(rateLimit, 'retryAfter');
    const resetTime = field(rateLimit, 'resetTime');
    return {
      kind: 'rate-limited',
      by: 'sign-server',
      retryAfterMs: typeof retryAfter === 'number' && retryAfter > 0 ? retryAfter : null,
      resetAt: typeof resetTime === 'number' && resetTime > 0 ? resetTime : null,
      message,
    };
  }
  if (chain.some(isTooManyRequests)) return { kind: 'rate-limited', by: 'tiktok', retryAfterMs: null, resetAt: null, message };
  if (chain.some((e) => className(e) === 'UserOfflineError')) return { kind: 'offline', message };
  if (chain.some((e) => PERMANENT.has(className(e)) || PERMANENT_REASONS.has(String(field(e, 'reason'))))) return { kind: 'permanent', message };
  return { kind: 'transient', message };
}

/**
 * One line a producer can read: sign-server messages come boxed over several lines, and the library's
 * "error" event carries `{ info, exception }` (TikTokLiveConnection.handleError).
 */
export function describeError(error: unknown): string {
  const info = field(error, 'info');
  if (typeof info === 'string' && !(error instanceof Error)) return describeError(`${info}: ${describeError(field(error, 'exception'))}`);
  const raw = error instanceof Error ? `${className(error) === 'Error' ? '' : `${className(error)}: `}${error.message}` : String(error);
  // SignAPIError.formatSignServerMessage draws a box: keep the words, drop the frame.
  const line = raw
    .split('\n')
    .map((text) => text.trim().replace(/^\|\s*|\s*\|$/g, ''))
    .filter((text) => text !== '' && !/^\+[- ]*(SIGN SERVER MESSAGE)?[- ]*\+$/.test(text))
    .join(' ')
    .replace(/\s+/g, ' ');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** An HTTP 429 however the library's clients spell it: got (`response.statusCode`), axios (`response.status`), or the message. */
function isTooManyRequests(error: unknown): boolean {
  const response = field(error, 'response');
  if (field(response, 'statusCode') === 429 || field(response, 'status') === 429 || field(error, 'statusCode') === 429) return true;
  return /\b429\b|too many requests/i.test(String(field(error, 'message') ?? ''));
}

function errorChain(error: unknown, depth = 0): unknown[] {
  if (error === null || typeof error !== 'object' || depth > 4) return [];
  const nested = [field(error, 'cause'), field(error, 'exception'), ...asArray(field(field(error, 'config'), 'requestErrs'))];
  return [error, ...nested.flatMap((inner) => errorChain(inner, depth + 1))];
}

function className(value: unknown): string {
  return typeof value === 'object' && value !== null ? ((value as { constructor?: { name?: string } }).constructor?.name ?? '') : '';
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
