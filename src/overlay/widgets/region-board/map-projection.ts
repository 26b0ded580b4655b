/**
 * The region board's map: the outline baked by scripts/map/japan-map.ts, and the projection it was made
 * with, so a region's place (`location` in the campaign file) lands on the same map without d3 in the
 * overlay. d3-geo's Mercator with no rotation: x = k·λ + tx, y = ty − k·ln tan(π/4 + φ/2).
 */
export interface JapanMap {
  /** The map's box, in map units. */
  readonly width: number;
  readonly height: number;
  readonly projection: { readonly scale: number; readonly tx: number; readonly ty: number };
  /** Each island's outline as flat [x0, y0, x1, y1, ...] in tenths of a map unit. */
  readonly rings: readonly (readonly number[])[];
}

export function projectOnMap(map: JapanMap, lat: number, lon: number): { x: number; y: number } {
  const { scale, tx, ty } = map.projection;
  const lambda = (lon * Math.PI) / 180;
  const phi = (lat * Math.PI) / 180;
  return { x: scale * lambda + tx, y: ty - scale * Math.log(Math.tan(Math.PI / 4 + phi / 2)) };
}
