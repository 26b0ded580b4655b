import { z } from './zod.ts';

/** A place on Earth in degrees (WGS 84), as a map app gives it: `{ "lat": 37.39, "lon": 136.9 }`. */
export const GeoPoint = z.strictObject({
  lat: z.number({ error: 'must be a number' }).check(z.minimum(-90, { error: 'must be from -90 to 90' }), z.maximum(90, { error: 'must be from -90 to 90' })),
  lon: z.number({ error: 'must be a number' }).check(z.minimum(-180, { error: 'must be from -180 to 180' }), z.maximum(180, { error: 'must be from -180 to 180' })),
});
export type GeoPoint = z.infer<typeof GeoPoint>;
