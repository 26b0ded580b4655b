/**
 * The overlay's estimate of the feed server's clock, so that every overlay shows the same show clock
 * whatever its PC's clock says (PCs are often minutes off). Each sample asks the server its time and
 * times the round trip; the server's answer is taken as half way through it, and the sample with the
 * shortest trip wins (the least queueing, so the least error: under a frame on any usable network).
 */
export interface ServerTimeSample {
  readonly sentAt: number;
  readonly receivedAt: number;
  readonly serverTime: number;
}

/** Server time minus local time, from the best sample; null without any. */
export function offsetOf(samples: readonly ServerTimeSample[]): number | null {
  let best: ServerTimeSample | null = null;
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue;
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  return best === null ? null : best.serverTime - (best.sentAt + best.receivedAt) / 2;
}

const SAMPLES = 5;
const RESYNC_MS = 60_000;

export class ServerTime {
  private offset: number | null = null;
  private samples: ServerTimeSample[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly ask: () => Promise<number | null>,
    private readonly localNow: () => number = () => Date.now(),
  ) {}

  /** Server time now: local time until the first sample arrives. */
  now(): number {
    return this.localNow() + (this.offset ?? 0);
  }

  get synced(): boolean {
    return this.offset !== null;
  }

  /** Takes samples now and again every minute (drift, a reconnect to another node). */
  start(): Promise<void> {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.sample(), RESYNC_MS);
    return this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async sample(): Promise<void> {
    const fresh: ServerTimeSample[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const sentAt = this.localNow();
      const serverTime = await this.ask();
      if (serverTime === null) break;
      fresh.push({ sentAt, receivedAt: this.localNow(), serverTime });
    }
    if (fresh.length === 0) return;
    this.samples = fresh;
    this.offset = offsetOf(this.samples);
  }
}
