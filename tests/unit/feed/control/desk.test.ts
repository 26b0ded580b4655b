import { describe, expect, it } from 'vitest';
import { LOWER_THIRD_SETTING, LowerThirdDesk } from '../../../../src/feed/control/lower-third-desk.ts';
import { MemorySettings, type ControlSettings, type ControlTimers } from '../../../../src/feed/control/ports.ts';
import { Serial } from '../../../../src/feed/control/serial.ts';
import { localShowState, type ShowStateStore } from '../../../../src/feed/control/show-state.ts';
import type { LowerThirdState } from '../../../../src/protocol/index.ts';
import type { JsonValue } from '../../../../src/feed/store/store.ts';
import { campaign } from '../../lower-third/fixtures.ts';

/** A clock that moves only when told, and runs the timers that fall due, in order. */
class ManualTimers implements ControlTimers {
  private time = 1_000_000;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get armed(): number {
    return this.pending.size;
  }

  async advance(ms: number): Promise<void> {
    this.time += ms;
    for (const [id, timer] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.time) continue;
      this.pending.delete(id);
      timer.callback();
    }
    // Let the serialised commit the timer started run to completion.
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}

function desk(timers: ManualTimers, settings: ControlSettings | ShowStateStore = new MemorySettings()) {
  const changes: LowerThirdState[] = [];
  const logged: string[] = [];
  const instance = new LowerThirdDesk({
    directory: campaign,
    store: 'writeShowState' in settings ? settings : localShowState(settings),
    timers,
    serial: new Serial(),
    log: (message) => logged.push(message),
    onChange: (state) => changes.push(state),
  });
  return { desk: instance, changes, logged };
}

describe('LowerThirdDesk: auto-out on a clock', () => {
  it('takes the card out when its time is up, not a moment before, and publishes that', async () => {
    const timers = new ManualTimers();
    const { desk: d, changes } = desk(timers);
    await d.execute({ type: 'autoOut', ms: 8_000 });
    await d.execute({ type: 'show', rosterId: 'aoi-sato' });
    await timers.advance(7_999);
    expect(d.state.phase).toBe('shown');
    await timers.advance(1);
    expect(d.state.phase).toBe('hidden');
    expect(changes.at(-1)?.phase).toBe('hidden');
    expect(timers.armed).toBe(0);
  });

  it('a hide before the time is up disarms the timer', async () => {
    const timers = new ManualTimers();
    const { desk: d } = desk(timers);
    await d.execute({ type: 'autoOut', ms: 5_000 });
    await d.execute({ type: 'show', rosterId: 'aoi-sato' });
    expect(timers.armed).toBe(1);
    await d.execute({ type: 'hide' });
    expect(timers.armed).toBe(0);
  });

  it('a new take re-arms the timer for the new card', async () => {
    const timers = new ManualTimers();
    const { desk: d } = desk(timers);
    await d.execute({ type: 'autoOut', ms: 5_000 });
    await d.execute({ type: 'show', rosterId: 'aoi-sato' });
    await timers.advance(4_000);
    await d.execute({ type: 'show', rosterId: 'kenta-takamori' });
    await timers.advance(4_000);
    expect(d.state.current?.rosterId).toBe('kenta-takamori');
    await timers.advance(1_000);
    expect(d.state.phase).toBe('hidden');
  });

  it('after a restart, a card whose time ran out while the feed was down goes out at once', async () => {
    const timers = new ManualTimers();
    const settings = new MemorySettings();
    const first = desk(timers, settings);
    await first.desk.execute({ type: 'autoOut', ms: 5_000 });
    await first.desk.execute({ type: 'show', rosterId: 'aoi-sato' });
    first.desk.close();

    await timers.advance(60_000); // the feed was down for a minute
    const second = desk(timers, settings);
    expect(second.desk.state.phase).toBe('shown');
    await timers.advance(0);
    expect(second.desk.state.phase).toBe('hidden');
  });
});

describe('LowerThirdDesk: saving', () => {
  it('saves every change under the lower-third setting before publishing it', async () => {
    const timers = new ManualTimers();
    const settings = new MemorySettings();
    const { desk: d, changes } = desk(timers, settings);
    await d.execute({ type: 'show', rosterId: 'misaki-notoya' });
    expect(settings.getSetting(LOWER_THIRD_SETTING)).toEqual(changes.at(-1));
  });

  it('refuses a change the store cannot keep, and nothing changes', async () => {
    const timers = new ManualTimers();
    const failing: ControlSettings = {
      getSetting: () => undefined,
      putSetting: () => Promise.reject(new Error('disk full')),
    };
    const { desk: d, changes, logged } = desk(timers, failing);
    const result = await d.execute({ type: 'show', rosterId: 'aoi-sato' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not be saved, so it was not made/) } });
    expect(d.state.phase).toBe('hidden');
    expect(changes).toEqual([]);
    expect(logged.join('\n')).toMatch(/disk full/);
  });

  it('starts clean, and says why, when the saved state is invalid', () => {
    const settings = new MemorySettings();
    void settings.putSetting(LOWER_THIRD_SETTING, { phase: 'shown' });
    const { desk: d, logged } = desk(new ManualTimers(), settings);
    expect(d.state).toMatchObject({ phase: 'hidden', revision: 0 });
    expect(logged[0]).toMatch(/saved state is invalid/);
  });

  it('runs commands one at a time: two takes at once both land, in order', async () => {
    const { desk: d } = desk(new ManualTimers());
    const [first, second] = await Promise.all([
      d.execute({ type: 'queue', op: 'add', rosterId: 'aoi-sato' }),
      d.execute({ type: 'queue', op: 'add', rosterId: 'kenta-takamori' }),
    ]);
    expect(first?.ok && second?.ok).toBe(true);
    expect(d.state.queue.map((card) => card.rosterId)).toEqual(['aoi-sato', 'kenta-takamori']);
  });
});

/**
 * The show state of several feed nodes in one store, as Redis keeps it: one version per key, a write
 * based on an older version refused with the newer record, and every write heard by every node.
 */
class SharedShowState {
  private readonly records = new Map<string, { value: JsonValue; version: number }>();
  private readonly listeners = new Set<(key: string, record: { value: JsonValue; version: number }) => void>();
  private seq = 0;
  writes = 0;

  node(): ShowStateStore {
    return {
      readShowState: (key) => structuredClone(this.records.get(key)),
      writeShowState: async (key, value, basedOn) => {
        await Promise.resolve();
        const current = this.records.get(key);
        if ((current?.version ?? 0) !== basedOn) return { ok: false, newer: structuredClone(current!) };
        const record = { value: structuredClone(value), version: ++this.seq };
        this.records.set(key, record);
        this.writes++;
        for (const listener of this.listeners) listener(key, structuredClone(record));
        return { ok: true, version: record.version };
      },
      onShowState: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
  }
}

describe('LowerThirdDesk on several nodes sharing one show state', () => {
  it('a change on one node shows on the other, and "next" pressed on both at once takes two cards', async () => {
    const shared = new SharedShowState();
    const timers = new ManualTimers();
    const a = desk(timers, shared.node());
    const b = desk(timers, shared.node());
    await a.desk.execute({ type: 'queue', op: 'add', rosterId: 'aoi-sato' });
    await b.desk.execute({ type: 'queue', op: 'add', rosterId: 'kenta-takamori' });
    expect(a.desk.state.queue.map((card) => card.rosterId)).toEqual(['aoi-sato', 'kenta-takamori']);
    expect(b.changes.at(-1)).toEqual(a.desk.state);

    const results = await Promise.all([a.desk.execute({ type: 'next' }), b.desk.execute({ type: 'next' })]);
    expect(results.every((result) => result.ok)).toBe(true);
    // The second "next" was decided again from the first one's state: two cards taken, none twice.
    expect(a.desk.state.current?.rosterId).toBe('kenta-takamori');
    expect(a.desk.state.queue).toEqual([]);
    expect(b.desk.state).toEqual(a.desk.state);
  });

  it('the auto-out timer armed on every node takes the card out once', async () => {
    const shared = new SharedShowState();
    const timers = new ManualTimers();
    const nodes = [desk(timers, shared.node()), desk(timers, shared.node()), desk(timers, shared.node())];
    await nodes[0]!.desk.execute({ type: 'autoOut', ms: 5_000 });
    await nodes[1]!.desk.execute({ type: 'show', rosterId: 'aoi-sato' });
    expect(timers.armed).toBe(3);
    const writes = shared.writes;
    await timers.advance(5_000);
    expect(shared.writes - writes).toBe(1);
    for (const node of nodes) {
      expect(node.desk.state.phase).toBe('hidden');
      expect(node.changes.filter((state) => state.phase === 'hidden' && state.revision > 1)).toHaveLength(1);
    }
  });
});
