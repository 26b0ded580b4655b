/**
 * Bakes the region board's map of Japan: Natural Earth's 1:10m country outline (world-atlas), projected
 * once with d3-geo's Mercator into a box of MAP_WIDTH units, simplified to what a broadcast corner can
 * show, and written as src/overlay/widgets/region-board/japan-map.json. The overlay never loads the atlas
 * or d3: it draws these rings once on a canvas and places each region's mark with the same projection
 * (map-projection.ts), whose parameters the file carries.
 *
 *   npx tsx scripts/map/japan-map.ts          write the file
 *   npx tsx scripts/map/japan-map.ts --check  exit 1 when the file is not what this script writes
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { JAPAN_MAP_FILE, MAP_WIDTH, buildJapanMap } from './japan-map-build.ts';

const require = createRequire(import.meta.url);
const atlas = require('world-atlas/countries-10m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(atlas, atlas.objects.countries);
const japan = countries.features.find((country) => country.id === '392');
if (!japan) throw new Error('world-atlas has no Japan (ISO 3166 numeric 392)');
const polygons: Position[][][] = japan.geometry.type === 'MultiPolygon' ? (japan.geometry as MultiPolygon).coordinates : [(japan.geometry as Polygon).coordinates];

const written = JSON.stringify(buildJapanMap(polygons, geoMercator)) + '\n';
const path = new URL(`../../${JAPAN_MAP_FILE}`, import.meta.url);
if (process.argv.includes('--check')) {
  const current = readFileSync(path, 'utf8');
  if (current !== written) {
    console.error(`${JAPAN_MAP_FILE} is not what scripts/map/japan-map.ts writes: run it again`);
    process.exit(1);
  }
  console.log(`${JAPAN_MAP_FILE} is up to date (${MAP_WIDTH} units wide)`);
} else {
  writeFileSync(path, written);
  console.log(`wrote ${JAPAN_MAP_FILE}: ${written.length} bytes`);
}
