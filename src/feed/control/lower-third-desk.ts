import { applyLowerThird, autoOutDeadline, initialLowerThird, resolveCommand, type CardDirectory, type LowerThirdAction } from '../../lower-third/index.ts';
import { LowerThirdState, describeZodError, type FeedError, type LowerThirdCommand } from '../../protocol/index.ts';
import type { ControlTimers } from './ports.ts';
import type { Serial } from './serial.ts';
import { ShowRecord } from './show-record.ts';
import type { ShowStateStore } from './show-state.ts';

export const LOWER_THIRD_SETTING = 'lower-third';

export type DeskResult = { ok: true; state: LowerThirdState } | { ok: false; error: FeedError };

export interface LowerThirdDeskOptions {
  directory: CardDirectory;
  store: ShowStateStore;
  timers: ControlTimers;
  serial: Serial;
  queueMax?: number;
  log: (message: string) => void;
  /** Called with every new state, this node's and other nodes': the server pushes it to overlays and control pages. */
  onChange: (state: LowerThirdState) => void;
}

/**
 * The server's lower third: the pure machine (src/lower-third) plus what makes it a service. A command is
 * resolved against the roster, applied, saved, and only then made current and published: a change the
 * store could not keep is refused and changes nothing. The auto-out timer is armed from the state shown,
 * on every node: the first node whose timer fires takes the card out, and the others find it gone (the
 * machine's expire checks the deadline, and the record refuses a change based on an old state). After a
 * restart, a card whose time ran out while the feed was down goes out at once.
 */
export class LowerThirdDesk {
  private readonly record: ShowRecord<LowerThirdState>;
  private timer: unknown = null;
  private closed = false;

  constructor(private readonly options: LowerThirdDeskOptions) {
    const { queueMax } = options;
    this.record = new ShowRecord({
      key: LOWER_THIRD_SETTING,
      label: 'lower third',
      store: options.store,
      serial: options.serial,
      initial: initialLowerThird({ queueMax }),
      read: (saved) => readLowerThird(saved, queueMax),
      fallback: 'starting with none on air',
      log: options.log,
    });
    this.record.onChange((state) => {
      this.armAutoOut();
      options.onChange(state);
    });
    this.armAutoOut();
  }

  get state(): LowerThirdState {
    return this.record.state;
  }

  async execute(command: LowerThirdCommand): Promise<DeskResult> {
    const action = resolveCommand(command, this.options.directory);
    if (!action.ok) return action;
    const result = await this.commit(action.value);
    return result.ok ? { ok: true, state: this.state } : result;
  }

  close(): void {
    this.closed = true;
    this.disarm();
    this.record.close();
  }

  private commit(action: LowerThirdAction) {
    return this.record.change((current) => {
      const transition = applyLowerThird(current, action, this.options.timers.now());
      if (!transition.ok) return transition;
      return { ok: true, next: transition.changed ? transition.state : null };
    });
  }

  private armAutoOut(): void {
    this.disarm();
    const deadline = autoOutDeadline(this.state);
    if (deadline === null || this.closed) return;
    const { timers } = this.options;
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      void this.commit({ type: 'expire' });
    }, Math.max(0, deadline - timers.now()));
  }

  private disarm(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** A saved state, if it is valid, with the queue cut to this node's limit. */
function readLowerThird(saved: unknown, queueMax: number | undefined): { ok: true; state: LowerThirdState } | { ok: false; problem: string } {
  const parsed = LowerThirdState.safeParse(saved);
  if (!parsed.success) return { ok: false, problem: describeZodError(parsed.error) };
  const limit = queueMax ?? parsed.data.queueMax;
  return { ok: true, state: { ...parsed.data, queueMax: limit, queue: parsed.data.queue.slice(0, limit) } };
}
