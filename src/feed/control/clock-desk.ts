import { ShowClockState } from '../../protocol/index.ts';
import { IDLE_CLOCK, applyClockAction, type ClockAction } from '../../show-clock/clock.ts';
import type { ControlTimers } from './ports.ts';
import type { Serial } from './serial.ts';
import { ShowRecord, type ShowChange } from './show-record.ts';
import type { ShowStateStore } from './show-state.ts';

export const CLOCK_SETTING = 'clock';

export type ClockResult = ShowChange;

/**
 * The show clock on the server: set, started, paused and reset by the producer, in server time. Like the
 * goal, a change is saved before it is shown; a restart finds a running clock still running (its start is
 * a server time, so the time the feed was down counts, as it does on air).
 */
export class ClockDesk {
  private readonly record: ShowRecord<ShowClockState>;

  constructor(store: ShowStateStore, private readonly timers: ControlTimers, serial: Serial, log: (message: string) => void, onChange: (state: ShowClockState) => void) {
    this.record = new ShowRecord({
      key: CLOCK_SETTING,
      label: 'clock',
      store,
      serial,
      initial: IDLE_CLOCK,
      read: (saved) => {
        const parsed = ShowClockState.safeParse(saved);
        return parsed.success ? { ok: true, state: parsed.data } : { ok: false, problem: parsed.error.issues[0]?.message ?? 'invalid' };
      },
      fallback: 'starting from a stopped clock',
      log,
    });
    this.record.onChange(onChange);
  }

  get state(): ShowClockState {
    return this.record.state;
  }

  execute(action: ClockAction): Promise<ClockResult> {
    return this.record.change((current) => {
      const next = applyClockAction(current, action, this.timers.now());
      return { ok: true, next: next === current ? null : next };
    });
  }

  close(): void {
    this.record.close();
  }
}
