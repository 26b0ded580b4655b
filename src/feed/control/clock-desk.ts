import { ShowClockState, type FeedError } from '../../protocol/index.ts';
import { IDLE_CLOCK, applyClockAction, type ClockAction } from '../../show-clock/clock.ts';
import type { JsonValue } from '../store/store.ts';
import type { ControlSettings, ControlTimers } from './ports.ts';
import type { Serial } from './serial.ts';

export const CLOCK_SETTING = 'clock';

export type ClockResult = { ok: true } | { ok: false; error: FeedError };

/**
 * The show clock on the server: set, started, paused and reset by the producer, in server time. Like the
 * goal, a change is saved before it is shown; a restart finds a running clock still running (its start is
 * a server time, so the time the feed was down counts, as it does on air).
 */
export class ClockDesk {
  private current: ShowClockState = IDLE_CLOCK;

  constructor(
    private readonly settings: ControlSettings,
    private readonly timers: ControlTimers,
    private readonly serial: Serial,
    private readonly log: (message: string) => void,
    private readonly onChange: (state: ShowClockState) => void,
  ) {
    const saved = settings.getSetting(CLOCK_SETTING);
    if (saved === undefined) return;
    const parsed = ShowClockState.safeParse(saved);
    if (parsed.success) this.current = parsed.data;
    else log(`clock: the saved clock is not usable, starting from a stopped clock: ${parsed.error.issues[0]?.message}`);
  }

  get state(): ShowClockState {
    return this.current;
  }

  execute(action: ClockAction): Promise<ClockResult> {
    return this.serial.run(async () => {
      const next = applyClockAction(this.current, action, this.timers.now());
      if (next === this.current) return { ok: true };
      try {
        await this.settings.putSetting(CLOCK_SETTING, next as unknown as JsonValue);
      } catch (error) {
        this.log(`clock: could not save the change: ${(error as Error).message}`);
        return { ok: false, error: { code: 'internal', message: 'the clock could not be saved, so it was not changed; check the feed server log' } };
      }
      this.current = next;
      this.onChange(next);
      return { ok: true };
    });
  }
}
