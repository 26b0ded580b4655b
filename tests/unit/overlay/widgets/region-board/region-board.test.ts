import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { buildJapanMap } from '../../../../../scripts/map/japan-map-build.ts';
import { BoardModel, regionOnStage } from '../../../../../src/overlay/widgets/region-board/board-model.ts';
import { projectOnMap, type JapanMap } from '../../../../../src/overlay/widgets/region-board/map-projection.ts';

const require = createRequire(import.meta.url);
const map = JSON.parse(readFileSync(new URL('../../../../../src/overlay/widgets/region-board/japan-map.json', import.meta.url), 'utf8')) as JapanMap;

describe('region board map', () => {
  it('is what scripts/map/japan-map.ts bakes from Natural Earth (world-atlas 10m) today', () => {
    const atlas = require('world-atlas/countries-10m.json');
    const japan = (feature(atlas, atlas.objects.countries) as unknown as { features: { id?: string | number }[] }).features.find((country: { id?: string | number }) => country.id === '392') as { geometry: { coordinates: number[][][][] } };
    expect(buildJapanMap(japan.geometry.coordinates as never, geoMercator)).toEqual(map);
    expect(map.rings.length).toBeGreaterThan(10);
  });

  it("places a region's mark where d3-geo's projection puts it, inside the map", () => {
    const projection = geoMercator().scale(map.projection.scale).translate([map.projection.tx, map.projection.ty]);
    for (const [lat, lon] of [[38.27, 140.87], [32.8, 130.71], [37.39, 136.9], [34.39, 132.46], [43.06, 141.35]] as const) {
      const [x, y] = projection([lon, lat])!;
      const placed = projectOnMap(map, lat, lon);
      expect(placed.x).toBeCloseTo(x, 6);
      expect(placed.y).toBeCloseTo(y, 6);
      expect(placed.x).toBeGreaterThan(0);
      expect(placed.x).toBeLessThan(map.width);
      expect(placed.y).toBeGreaterThan(0);
      expect(placed.y).toBeLessThan(map.height);
    }
  });
});

describe('region board model', () => {
  it('counts each region from what was shown to its new amount, with shares of the whole', () => {
    const model = new BoardModel(['a', 'b', 'c']);
    model.setTargets({ a: 300, b: 100, c: 0 });
    model.setProgress(0.5);
    expect([model.shown('a'), model.shown('b')]).toEqual([150, 50]);
    model.setProgress(1);
    expect([model.sharePercent('a'), model.sharePercent('b'), model.sharePercent('c')]).toEqual([75, 25, 0]);
    expect(model.setTargets({ a: 300, b: 100, c: 0 })).toBe(false);
    model.setTargets({ a: 300, b: 500, c: 0 });
    expect(model.shown('b')).toBe(100);
  });

  it('ranks by amount, ties in the campaign order', () => {
    const model = new BoardModel(['a', 'b', 'c']);
    expect(model.ranking()).toEqual(['a', 'b', 'c']);
    model.setTargets({ a: 5, b: 9, c: 9 });
    expect(model.ranking()).toEqual(['b', 'c', 'a']);
  });

  it("highlights the producer's choice, else the lower third's region, and nothing unknown", () => {
    expect(regionOnStage('noto', 'tohoku', ['noto', 'tohoku'])).toBe('noto');
    expect(regionOnStage(null, 'tohoku', ['noto', 'tohoku'])).toBe('tohoku');
    expect(regionOnStage(null, 'osaka', ['noto', 'tohoku'])).toBeNull();
  });
});
