import type { CampaignInfo, FeedState } from '../protocol/index.ts';
import { createClock } from './clock.ts';
import { FeedClient } from './feed-client.ts';
import { parseParams } from './params.ts';
import { Stage, fitStage } from './stage.ts';
import { installTestHook } from './test-hook.ts';
import { defaultTheme } from './theme/default-theme.ts';
import type { WidgetFactory } from './widget.ts';
import { createDonationMeter } from './widgets/donation-meter/donation-meter.ts';

/** The widgets on the stage, bottom to top. Adding one is one line here. */
const WIDGETS: readonly WidgetFactory[] = [
  createDonationMeter,
];

async function boot(): Promise<void> {
  const params = parseParams(location.search);
  const clock = createClock(params.clock);
  const testHook = installTestHook(clock);
  try {
    const stage = await Stage.create(clock, document.body);
    testHook.attach(stage);

    // States that arrive while the widgets are still being built wait; only the newest matters.
    let latest: FeedState | null = null;
    let widgetsBuilt = false;
    let knownCampaign: string | null = null;
    let firstStateArrived = () => {};
    const firstState = new Promise<void>((resolve) => (firstStateArrived = resolve));
    const campaign = await new Promise<CampaignInfo>((resolve) => {
      new FeedClient({
        url: params.feed,
        region: params.region,
        onCampaign(info) {
          const serialised = JSON.stringify(info);
          // A feed that comes back with another campaign needs other widgets: start afresh.
          if (knownCampaign !== null && knownCampaign !== serialised) location.reload();
          knownCampaign = serialised;
          resolve(info);
        },
        onState(state) {
          testHook.hook.lastState = latest = state;
          if (widgetsBuilt) stage.feed(state);
          firstStateArrived();
        },
      });
    });

    const { scale } = fitStage(window.innerWidth, window.innerHeight);
    const resolution = Math.min(4, Math.max(0.5, scale * (window.devicePixelRatio || 1)));
    const context = { campaign, lang: params.lang, region: params.region, theme: defaultTheme, resolution };
    for (const create of WIDGETS) stage.add(await create(context));
    await firstState;
    widgetsBuilt = true;
    if (latest) stage.feed(latest);

    const drawn = stage.nextDraw();
    if (clock.mode === 'test') clock.advance(0); // frozen time draws only when asked
    await drawn;
    testHook.settle();
  } catch (error) {
    console.error('the overlay could not start:', error);
    testHook.settle(error ?? new Error('unknown error'));
  }
}

void boot();
