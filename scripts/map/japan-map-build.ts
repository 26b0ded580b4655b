import type { GeoProjection } from 'd3-geo';
import type { Position } from 'geojson';
import type { JapanMap } from '../../src/overlay/widgets/region-board/map-projection.ts';

export const JAPAN_MAP_FILE = 'src/overlay/widgets/region-board/japan-map.json';
export const MAP_WIDTH = 1000;

/**
 * The main islands from Kyushu to Hokkaido, with the islands near them. Okinawa and the Ogasawara islands
 * lie hundreds of kilometres off: a broadcast map of these five regions shows them, if at all, in an
 * inset, so they are left out rather than shrinking the rest.
 */
const EXTENT = { west: 128.6, east: 146.0, south: 30.9, north: 45.7 };
/** Rings smaller than this many square units vanish at broadcast size; points nearer than this merge. */
const MIN_RING_AREA = 6;
const MIN_STEP = 1.4;

function inside([lon, lat]: Position): boolean {
  return lon! >= EXTENT.west && lon! <= EXTENT.east && lat! >= EXTENT.south && lat! <= EXTENT.north;
}

function area(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum / 2);
}

/** Projects, filters and simplifies the outline; rings are flat [x0, y0, x1, y1, ...] in tenths of a unit. */
export function buildJapanMap(polygons: Position[][][], mercator: () => GeoProjection): JapanMap {
  const kept = polygons.filter((polygon) => polygon[0]!.every(inside));
  const projection = mercator().fitWidth(MAP_WIDTH, {
    type: 'MultiPolygon',
    coordinates: kept,
  });
  const rings: number[][] = [];
  let height = 0;
  for (const polygon of kept) {
    const outer = polygon[0]!.map((point) => projection(point as [number, number])!);
    if (area(outer) < MIN_RING_AREA) continue;
    const simplified: [number, number][] = [];
    for (const point of outer) {
      const last = simplified.at(-1);
      if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_STEP) simplified.push(point);
    }
    if (simplified.length < 3) continue;
    rings.push(simplified.flatMap(([x, y]) => [Math.round(x * 10), Math.round(y * 10)]));
    height = Math.max(height, ...simplified.map(([, y]) => y));
  }
  const [tx, ty] = projection.translate();
  return { width: MAP_WIDTH, height: Math.ceil(height), projection: { scale: projection.scale(), tx, ty }, rings };
}
