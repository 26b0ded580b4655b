import { z } from './zod.ts';
import { Slug } from './primitives.ts';

/** The region the producer puts on stage: the region board highlights it. Null: the lower third's region. */
export const StageRegionState = z.strictObject({
  region: z.nullable(Slug),
});
export type StageRegionState = z.infer<typeof StageRegionState>;

export const StageRegionCommand = z.strictObject({
  type: z.literal('stageRegion'),
  region: z.nullable(Slug).check(z.describe("a region id, or null to follow the lower third's region")),
});

/** Sent to overlays on subscribe and on every change. */
export interface StageRegionServerToClientEvents {
  stageRegion: (state: StageRegionState) => void;
}
