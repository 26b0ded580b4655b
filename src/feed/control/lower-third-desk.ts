import { applyLowerThird, autoOutDeadline, initialLowerThird, resolveCommand, type CardDirectory, type LowerThirdAction } from '../../lower-third/index.ts';
import { LowerThirdState, describeZodError, type FeedError, type LowerThirdCommand } from '../../protocol/index.ts';
import type { JsonValue } from '../store/store.ts';
import type { ControlSettings, ControlTimers } from './ports.ts';
import type { Serial } from './serial.ts';

export const LOWER_THIRD_SETTING = 'lower-third';

export type DeskResult = { ok: true; state: LowerThirdState } | { ok: false; error: FeedError };

export interface LowerThirdDeskOptions {
  directory: CardDirectory;
  settings: ControlSettings;
  timers: ControlTimers;
  serial: Serial;
  queueMax?: number;
  log: (message: string) => void;
  /** Called after every change was saved: the server pushes the state to overlays and control pages. */
  onChange: (state: LowerThirdState) => void;
}

/**
 * The server's lower third: the pure machine (src/lower-third) plus what makes it a service. A command is
 * resolved against the roster, applied, saved, and only then made current and published: a change the
 * store could not keep is refused and changes nothing. The auto-out timer is armed from the saved state,
 * so after a restart a card whose time ran out while the feed was down goes out at once.
 */
export class LowerThirdDesk {
  private current: LowerThirdState;
  private timer: unknown = null;
  private closed = false;

  constructor(private readonly options: LowerThirdDeskOptions) {
    this.current = restore(options.settings.getSetting(LOWER_THIRD_SETTING), options.queueMax, options.log);
    this.armAutoOut();
  }

  get state(): LowerThirdState {
    return this.current;
  }

  execute(command: LowerThirdCommand): Promise<DeskResult> {
    return this.options.serial.run(async () => {
      const action = resolveCommand(command, this.options.directory);
      if (!action.ok) return action;
      return this.commit(action.value);
    });
  }

  close(): void {
    this.closed = true;
    this.disarm();
  }

  private async commit(action: LowerThirdAction): Promise<DeskResult> {
    const transition = applyLowerThird(this.current, action, this.options.timers.now());
    if (!transition.ok) return transition;
    if (!transition.changed) return { ok: true, state: this.current };
    try {
      await this.options.settings.putSetting(LOWER_THIRD_SETTING, transition.state as unknown as JsonValue);
    } catch (error) {
      this.options.log(`lower third: could not save the change: ${(error as Error).message}`);
      return { ok: false, error: { code: 'internal', message: 'the change could not be saved, so it was not made; check the feed server log' } };
    }
    this.current = transition.state;
    this.armAutoOut();
    this.options.onChange(this.current);
    return { ok: true, state: this.current };
  }

  private armAutoOut(): void {
    this.disarm();
    const deadline = autoOutDeadline(this.current);
    if (deadline === null || this.closed) return;
    const { timers } = this.options;
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      void this.options.serial.run(() => this.commit({ type: 'expire' }));
    }, Math.max(0, deadline - timers.now()));
  }

  private disarm(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The saved state, if it is still valid; otherwise a clean slate (and a log line saying why). */
function restore(saved: JsonValue | undefined, queueMax: number | undefined, log: (message: string) => void): LowerThirdState {
  const fresh = initialLowerThird({ queueMax });
  if (saved === undefined) return fresh;
  const parsed = LowerThirdState.safeParse(saved);
  if (!parsed.success) {
    log(`lower third: the saved state is invalid, starting with none on air:\n${describeZodError(parsed.error)}`);
    return fresh;
  }
  const limit = queueMax ?? parsed.data.queueMax;
  return { ...parsed.data, queueMax: limit, queue: parsed.data.queue.slice(0, limit) };
}
