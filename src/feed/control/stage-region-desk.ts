import { StageRegionState, type FeedError } from '../../protocol/index.ts';
import type { JsonValue } from '../store/store.ts';
import type { ControlSettings } from './ports.ts';
import type { Serial } from './serial.ts';

export const STAGE_REGION_SETTING = 'stage-region';

/** The region the producer put on stage (the region board highlights it), saved before it is shown. */
export class StageRegionDesk {
  private current: StageRegionState = { region: null };

  constructor(
    private readonly regionIds: readonly string[],
    private readonly settings: ControlSettings,
    private readonly serial: Serial,
    private readonly log: (message: string) => void,
    private readonly onChange: (state: StageRegionState) => void,
  ) {
    const parsed = StageRegionState.safeParse(settings.getSetting(STAGE_REGION_SETTING) ?? { region: null });
    if (parsed.success && (parsed.data.region === null || regionIds.includes(parsed.data.region))) this.current = parsed.data;
    else log('stage region: the saved region is not one of this campaign, following the lower third');
  }

  get state(): StageRegionState {
    return this.current;
  }

  set(region: string | null): Promise<{ ok: true } | { ok: false; error: FeedError }> {
    return this.serial.run(async () => {
      if (region !== null && !this.regionIds.includes(region)) {
        return { ok: false, error: { code: 'bad-request', message: `region: unknown region "${region}" (known: ${this.regionIds.join(', ')})` } };
      }
      if (region === this.current.region) return { ok: true };
      const next = { region };
      try {
        await this.settings.putSetting(STAGE_REGION_SETTING, next as JsonValue);
      } catch (error) {
        this.log(`stage region: could not save the change: ${(error as Error).message}`);
        return { ok: false, error: { code: 'internal', message: 'the stage region could not be saved, so it was not changed; check the feed server log' } };
      }
      this.current = next;
      this.onChange(next);
      return { ok: true };
    });
  }
}
