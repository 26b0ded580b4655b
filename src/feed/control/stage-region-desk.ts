import { StageRegionState } from '../../protocol/index.ts';
import type { Serial } from './serial.ts';
import { ShowRecord, type ShowChange } from './show-record.ts';
import type { ShowStateStore } from './show-state.ts';

export const STAGE_REGION_SETTING = 'stage-region';

/** The region the producer put on stage (the region board highlights it), saved before it is shown. */
export class StageRegionDesk {
  private readonly record: ShowRecord<StageRegionState>;

  constructor(private readonly regionIds: readonly string[], store: ShowStateStore, serial: Serial, log: (message: string) => void, onChange: (state: StageRegionState) => void) {
    this.record = new ShowRecord({
      key: STAGE_REGION_SETTING,
      label: 'stage region',
      store,
      serial,
      initial: { region: null },
      read: (saved) => {
        const parsed = StageRegionState.safeParse(saved);
        if (parsed.success && (parsed.data.region === null || regionIds.includes(parsed.data.region))) return { ok: true, state: parsed.data };
        return { ok: false, problem: 'the saved region is not one of this campaign' };
      },
      fallback: 'following the lower third',
      log,
    });
    this.record.onChange(onChange);
  }

  get state(): StageRegionState {
    return this.record.state;
  }

  set(region: string | null): Promise<ShowChange> {
    if (region !== null && !this.regionIds.includes(region)) {
      return Promise.resolve({ ok: false, error: { code: 'bad-request', message: `region: unknown region "${region}" (known: ${this.regionIds.join(', ')})` } });
    }
    return this.record.change((current) => ({ ok: true, next: region === current.region ? null : { region } }));
  }

  close(): void {
    this.record.close();
  }
}
