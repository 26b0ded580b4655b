import { createHmac, randomBytes } from 'node:crypto';

/**
 * Recordings hold viewers' ids, names and messages. Redacting replaces them with stable pseudonyms
 * (the same person or text always gets the same one, within one key) and drops profile pictures,
 * while keeping all that counting needs: message ids, room ids, gift ids and prices, counts, times,
 * and a distinct sender per viewer (streaks are told apart by sender).
 *
 * The pseudonym is an HMAC of the value under a key: TIKTOK_REDACT_KEY if set (the same pseudonyms
 * across files and runs), else a random key per process (nothing links them back to the person).
 */
const USER_ID_FIELDS = new Set(['id', 'userId', 'secUid', 'idStr']);
const USER_NAME_FIELDS = new Set(['nickname', 'displayId', 'uniqueId', 'bioDescription', 'username']);
const TEXT_FIELDS = new Set(['content', 'comment']);
const PICTURE_FIELDS = /^(avatar|profilePicture|profilePictureUrl|avatarThumb|avatarMedium|avatarLarge)/;

export class Redactor {
  private readonly key: Buffer;

  constructor(key: string | undefined = process.env.TIKTOK_REDACT_KEY) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  /** A redacted copy of a library payload (the input is not changed). */
  payload(data: unknown): unknown {
    return this.walk(data, false);
  }

  pseudonym(kind: string, value: string): string {
    return `${kind}-${createHmac('sha256', this.key).update(`${kind}\u0000${value}`).digest('hex').slice(0, 12)}`;
  }

  private walk(value: unknown, inUser: boolean): unknown {
    if (Array.isArray(value)) return value.map((item) => this.walk(item, inUser));
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    // A TikTok User object: it has a nickname or a handle.
    const isUser = inUser || 'nickname' in object || 'displayId' in object || 'uniqueId' in object;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(object)) {
      if (isUser && PICTURE_FIELDS.test(key)) continue;
      if (typeof field === 'string' && field !== '' && field !== '0') {
        if (isUser && USER_ID_FIELDS.has(key)) out[key] = this.pseudonymId(field);
        else if (isUser && USER_NAME_FIELDS.has(key)) out[key] = this.pseudonym('viewer', field);
        else if (key === 'userId' || key === 'uniqueId') out[key] = key === 'userId' ? this.pseudonymId(field) : this.pseudonym('viewer', field);
        else if (TEXT_FIELDS.has(key)) out[key] = this.pseudonym('text', field);
        else out[key] = field;
        continue;
      }
      out[key] = this.walk(field, key === 'user' || key === 'toUser');
    }
    return out;
  }

  /** Ids stay decimal (the decoder's int64 spelling), so a redacted payload parses like a real one. */
  private pseudonymId(id: string): string {
    return String(BigInt(`0x${this.pseudonym('id', id).slice(3)}`));
  }
}
