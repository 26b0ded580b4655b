import type { SourceOwner, StreamConfig, StreamConnectionStatus, StreamStatus, StreamStatusList } from '../../../protocol/index.ts';
import { freshStreamStatus } from './fresh-status.ts';

/** Anything that reports a stream's status: a TikTokSource. */
export interface StatusReporter {
  readonly status: StreamConnectionStatus;
  onStatus(listener: (status: StreamConnectionStatus) => void): () => void;
}

interface Slot {
  readonly stream: StreamConfig;
  owner: SourceOwner;
  /** The source running here, if this node runs the stream. */
  running: { reporter: StatusReporter; stop: () => void } | null;
  /** The last status known when it does not run here (from the node that runs it), and when it was learnt. */
  last: StreamConnectionStatus;
  learntAt: number;
}

/**
 * Every configured stream's status in one list, in config order: what GET /api/streams and the `streams`
 * event carry, on every node. A stream this node runs shows its source's status as it changes; one that
 * another node runs shows what that node last published (scale-out/shared-stream-status.ts), its ages
 * counted on from when it was learnt; each says who runs it (`owner`).
 */
export class StreamBoard {
  private readonly slots = new Map<string, Slot>();
  private readonly listeners = new Set<(list: StreamStatusList) => void>();
  private simulator: SourceOwner | null = null;

  constructor(
    streams: readonly StreamConfig[],
    readonly nodeId: string,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    const owner: SourceOwner = { lease: 'waiting', node: null };
    for (const stream of streams) this.slots.set(stream.uniqueId, { stream, owner, running: null, last: freshStreamStatus(stream, Date.now()), learntAt: this.now() });
  }

  list(): StreamStatusList {
    return { node: this.nodeId, streams: [...this.slots.values()].map((slot) => this.statusOf(slot)), simulator: this.simulator };
  }

  /** The streams running on this node, as their sources report them now: what this node publishes to the others. */
  runningHere(): StreamConnectionStatus[] {
    return [...this.slots.values()].flatMap((slot) => (slot.running ? [slot.running.reporter.status] : []));
  }

  /** A source of the stream starts running here (or, with null, stops). */
  run(uniqueId: string, reporter: StatusReporter | null): void {
    const slot = this.slotOf(uniqueId);
    if (slot.running) {
      slot.running.stop();
      slot.last = slot.running.reporter.status;
      slot.learntAt = this.now();
    }
    slot.running = reporter ? { reporter, stop: reporter.onStatus(() => this.changed()) } : null;
    this.changed();
  }

  /** Who runs the stream now. */
  setOwner(uniqueId: string, owner: SourceOwner): void {
    const slot = this.slotOf(uniqueId);
    if (slot.owner.lease === owner.lease && slot.owner.node === owner.node) return;
    slot.owner = owner;
    this.changed();
  }

  setSimulatorOwner(owner: SourceOwner | null): void {
    if (this.simulator?.lease === owner?.lease && this.simulator?.node === owner?.node) return;
    this.simulator = owner;
    this.changed();
  }

  /** What the node running a stream published about it; ignored while the stream runs here. */
  learn(status: StreamConnectionStatus): void {
    const slot = this.slots.get(status.uniqueId);
    if (!slot || slot.running) return;
    // Read again unchanged, ages and all: its node has not published since (stopped, or gone), so its ages
    // go on growing from when it was first read, and the producer's age warnings fire.
    if (JSON.stringify(slot.last) === JSON.stringify(status)) return;
    const same = sameApartFromAges(slot.last, status);
    slot.last = status;
    slot.learntAt = this.now();
    if (!same) this.changed();
  }

  /** Calls `listener` with the whole list whenever a stream's status or owner changes; returns the function that stops it. */
  onChange(listener: (list: StreamStatusList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private statusOf(slot: Slot): StreamStatus {
    if (slot.running) return { ...slot.running.reporter.status, owner: slot.owner };
    const since = Math.max(0, Math.round(this.now() - slot.learntAt));
    const { last } = slot;
    return { ...last, lastEventAgeMs: last.lastEventAgeMs === null ? null : last.lastEventAgeMs + since, stateAgeMs: last.stateAgeMs + since, owner: slot.owner };
  }

  private slotOf(uniqueId: string): Slot {
    const slot = this.slots.get(uniqueId);
    if (!slot) throw new Error(`@${uniqueId} is not a stream of this campaign`);
    return slot;
  }

  private changed(): void {
    if (this.listeners.size === 0) return;
    const list = this.list();
    for (const listener of this.listeners) listener(list);
  }
}

function sameApartFromAges(a: StreamConnectionStatus, b: StreamConnectionStatus): boolean {
  const strip = ({ lastEventAgeMs: _a, stateAgeMs: _s, ...rest }: StreamConnectionStatus) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
