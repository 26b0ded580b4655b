import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../integration/helpers/control-client.ts';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';

/**
 * A stretch goal the campaign file does not list: the producer adds it through the control API of a real
 * feed, ingest passes it, and the meter (bar and thermometer) celebrates it with its own label and keeps it
 * as a marker between the listed goals (the sample's goal ¥20M and stretch goal ¥22M). Screens are written
 * to __output__, at 1080p and 720p.
 */
const OUTPUT = join(import.meta.dirname, '__output__');
const CONTROL_TOKEN = 'passed-goal-producer-token-0123456789';
const INGEST_TOKEN = 'passed-goal-ingest-token-0123456789';
let overlay: OverlayHarness | undefined;

afterEach(async () => {
  await overlay?.close();
  overlay = undefined;
});

interface MeterInspect {
  celebrating: boolean;
  rolling: boolean;
  goalShownMinor: number;
  goalText: string;
  passedGoalMark: { atMinor: number; markerLabel: string; bannerLabel: string } | null;
  markers: { x: number; y: number; visible: boolean; labelled: boolean }[];
}

async function passAProducersGoal(style: 'bar' | 'thermometer'): Promise<OverlayHarness> {
  const harness = await startOverlay({
    query: `clock=test&lang=en&widgets=meter&meterStyle=${style}`,
    control: { token: CONTROL_TOKEN },
    ingest: { tokens: [INGEST_TOKEN] },
    // Past the first goal: the meter heads for the listed ¥22M.
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 20_500_000 }),
  });
  const added = await api(harness.feed.url, '/api/control/goal/next', { token: CONTROL_TOKEN, body: { atMinor: 21_000_000, label: { ja: '追加目標', en: 'Extra stretch' } } });
  expect(added.status).toBe(200);
  await harness.waitFor('window.__localLove.lastState.donation.goalMinor === 21000000');
  const response = await fetch(`${harness.feed.url}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: 'past-the-extra', source: 'passed-goal-test', reactions: [{ kind: 'gift', count: 1, diamonds: 600_000, region: 'noto', market: 'jp', eventId: 'past-the-extra' }] }),
  });
  expect(response.status).toBe(200);
  await harness.waitFor('window.__localLove.lastState.donation.passedGoalMinor === 21000000');
  return harness;
}

const meter = (harness: OverlayHarness) => harness.evaluate<MeterInspect>('window.__localLove.widget("donation-meter")');
const advance = (harness: OverlayHarness, ms: number) => harness.evaluate(`window.__localLove.advance(${ms})`);
async function keep(harness: OverlayHarness, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, `${name}.png`), await harness.page.screenshot({ omitBackground: true }));
}

describe.each(['bar', 'thermometer'] as const)('a stretch goal added from the control page and passed, %s style', (style) => {
  it('celebrates it with its label and keeps it as a marker between the listed goals', async () => {
    overlay = await passAProducersGoal(style);
    // The count reaches ¥21M after about 0.9 s; the banner is in after 0.55 s more.
    await advance(overlay, 1_500);
    const reaching = await meter(overlay);
    expect(reaching).toMatchObject({ celebrating: true, passedGoalMark: { atMinor: 21_000_000, bannerLabel: 'Extra stretch' } });
    await keep(overlay, `passed-marker-${style}-celebrating-1080p`);

    await advance(overlay, 4_000);
    const settled = await meter(overlay);
    expect(settled).toMatchObject({ rolling: false, goalShownMinor: 24_000_000, goalText: 'NEXT GOAL ¥24,000,000' });
    // The campaign's marks, then the producer's goal: one marker more than the campaign file has.
    const own = settled.markers.at(-1)!;
    expect(settled.markers).toHaveLength(reaching.markers.length);
    expect(own.visible).toBe(true);
    const along = (marker: { x: number; y: number }) => (style === 'bar' ? marker.x : -marker.y);
    const visibleOthers = settled.markers.slice(0, -1).filter((marker) => marker.visible).map(along);
    // Between the campaign's ¥5M, ¥10M, ¥15M, ¥20M and its ¥22M (the ¥24M at the end is hidden).
    expect(visibleOthers).toHaveLength(5);
    expect(visibleOthers.filter((at) => at < along(own))).toHaveLength(4);
    // Its label is kept; the ¥20M and ¥22M beside it, a step away, keep their notches but not their labels.
    expect(own.labelled).toBe(true);
    expect(settled.markers.filter((marker) => marker.visible).map((marker) => marker.labelled)).toEqual([true, true, true, false, false, true]);
    await keep(overlay, `passed-marker-${style}-settled-1080p`);
    await overlay.page.setViewportSize({ width: 1280, height: 720 });
    await advance(overlay, 16);
    await keep(overlay, `passed-marker-${style}-settled-720p`);
  });
});
