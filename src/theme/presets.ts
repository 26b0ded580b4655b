import { describeZodError } from '../protocol/index.ts';
import { ThemePreset } from './theme-schema.ts';
import localLove from '../../assets/themes/local-love.json';
import night from '../../assets/themes/night.json';
import minimal from '../../assets/themes/minimal.json';

/**
 * The theme presets, bundled into the overlay (the browser source must not wait on a fetch to look right).
 * The order here is the order producers see them in; the first is the default.
 */
const PRESET_FILES = { 'local-love': localLove, night, minimal } as const;

export type PresetId = keyof typeof PRESET_FILES;

export const PRESET_IDS = Object.keys(PRESET_FILES) as [PresetId, ...PresetId[]];

export const DEFAULT_PRESET: PresetId = PRESET_IDS[0];

/** Validates one preset file; a broken file is a build-time bug, so it throws with the field named. */
export function loadPreset(id: string, json: unknown): ThemePreset {
  const result = ThemePreset.safeParse(json);
  if (!result.success) throw new Error(`theme preset ${id} is invalid:\n${describeZodError(result.error)}`);
  if (result.data.id !== id) throw new Error(`theme preset ${id} is invalid:\nid: must be "${id}", its file name`);
  return result.data;
}

const validated = new Map<PresetId, ThemePreset>();

/**
 * Each preset, validated when it is first read: a page shows one of them, and validating all three held up
 * the overlay's start by a few milliseconds (tests/unit/theme/presets.test.ts reads every one).
 */
export const PRESETS = Object.defineProperties(
  {},
  Object.fromEntries(
    PRESET_IDS.map((id) => [
      id,
      {
        enumerable: true,
        get: (): ThemePreset => validated.get(id) ?? validated.set(id, loadPreset(id, PRESET_FILES[id])).get(id)!,
      },
    ]),
  ),
) as Readonly<Record<PresetId, ThemePreset>>;
