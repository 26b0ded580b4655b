import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toRgba } from '../../../src/overlay/theme/color.ts';
import { PRESETS, PRESET_IDS, loadPreset } from '../../../src/overlay/theme/presets.ts';

const THEMES_DIR = new URL('../../../assets/themes/', import.meta.url);

/** WCAG relative luminance of an opaque colour. */
function luminance(rgb: number): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear((rgb >> 16) & 255) + 0.7152 * linear((rgb >> 8) & 255) + 0.0722 * linear(rgb & 255);
}

/** `over` (with alpha) composited on an opaque `under`. */
function composite(over: string, under: number): number {
  const { rgb, alpha } = toRgba(over);
  const channel = (shift: number) => Math.round(((rgb >> shift) & 255) * alpha + ((under >> shift) & 255) * (1 - alpha));
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
}

function contrast(a: number, b: number): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Video behind a translucent panel can be anything: judge it over black, mid grey and white. */
const BACKDROPS = [0x000000, 0x808080, 0xffffff];

describe('theme presets', () => {
  it('are exactly the files in assets/themes, each valid and named after its file', () => {
    const files = readdirSync(THEMES_DIR).filter((name) => name.endsWith('.json'));
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...PRESET_IDS].sort());
    for (const file of files) {
      const json: unknown = JSON.parse(readFileSync(new URL(file, THEMES_DIR), 'utf8'));
      expect(() => loadPreset(file.replace(/\.json$/, ''), json)).not.toThrow();
    }
    expect(PRESET_IDS.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a broken preset, naming the field', () => {
    const broken = structuredClone(PRESETS['local-love']) as unknown as { colors: { accent: string } };
    broken.colors.accent = 'pink';
    expect(() => loadPreset('local-love', broken)).toThrow(/colors\.accent/);
    expect(() => loadPreset('night', PRESETS['local-love'])).toThrow(/id: must be "night"/);
  });

  it('are distinct looks', () => {
    const looks = PRESET_IDS.map((id) => PRESETS[id]);
    for (const key of ['accent', 'panel', 'text'] as const) {
      expect(new Set(looks.map((look) => look.colors[key])).size, key).toBe(looks.length);
    }
    expect(new Set(looks.map((look) => look.panel.style)).size).toBe(looks.length);
  });

  it.each(PRESET_IDS)('%s keeps text legible on its panel whatever video is behind it', (id) => {
    const { colors } = PRESETS[id];
    for (const backdrop of BACKDROPS) {
      const panel = composite(colors.panel, backdrop);
      // WCAG AA: 4.5 for text, 3 for large text and graphics.
      expect(contrast(composite(colors.text, panel), panel), `text over ${backdrop.toString(16)}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(composite(colors.textMuted, panel), panel), `muted over ${backdrop.toString(16)}`).toBeGreaterThanOrEqual(3);
      expect(contrast(composite(colors.accent, panel), panel), `accent over ${backdrop.toString(16)}`).toBeGreaterThanOrEqual(3);
    }
  });
});
