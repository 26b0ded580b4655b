import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composite, contrastRatio } from '../../../src/theme/color.ts';
import { BUNDLED_WEIGHTS } from '../../../src/theme/fonts.ts';
import { PRESETS, PRESET_IDS, loadPreset } from '../../../src/theme/presets.ts';

const THEMES_DIR = new URL('../../../assets/themes/', import.meta.url);

/** `over` (with alpha) composited on an opaque backdrop. */
const on = (over: string, backdrop: string) => composite(over, backdrop);

/** Video behind a translucent panel can be anything: judge it over black, mid grey and white. */
const BACKDROPS = ['#000000', '#808080', '#ffffff'];

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

  it('use only the font weights the overlay bundles', () => {
    for (const id of PRESET_IDS) {
      for (const weight of Object.values(PRESETS[id].font.weights)) expect(BUNDLED_WEIGHTS).toContain(weight);
    }
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
      const panel = on(colors.panel, backdrop);
      // WCAG AA: 4.5 for text, 3 for large text and graphics.
      expect(contrastRatio(on(colors.text, panel), panel), `text over ${backdrop}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(on(colors.textMuted, panel), panel), `muted over ${backdrop}`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(on(colors.accent, panel), panel), `accent over ${backdrop}`).toBeGreaterThanOrEqual(3);
    }
  });
});
