import { CAMPAIGN_SCRIPT_ID, STATE_SCRIPT_ID, type CampaignInfo, type FeedState } from '../protocol/index.ts';
import { textPicker } from '../i18n/pick-text.ts';
import { loadWords } from '../i18n/words.ts';
import { createClock, type Clock } from './clock.ts';
import { FeedClient } from './feed-client.ts';
import { FeedHealth, STALE_AFTER_MS } from './feed-health.ts';
import { inlineCampaign, inlineState } from './page-data.ts';
import { prefetchFonts } from './fonts.ts';
import { watchObsVisibility } from './obs-visibility.ts';
import { campaignProblems } from '../theme/campaign-check.ts';
import { marketShown, regionShown } from '../overlay-text/start-glyphs.ts';
import type { WidgetName } from '../theme/params-schema.ts';
import { parseParams, type ParamProblem } from '../theme/parse-params.ts';
import { fitStage } from './fit-stage.ts';
import { rendererAhead } from './layer.ts';
import { useNativeLetterSpacing } from './letter-spacing.ts';
import { installLineBreaking } from './line-breaking.ts';
import { Stage } from './stage.ts';
import { installTestHook } from './test-hook.ts';
import type { WidgetFactory } from './widget.ts';
import type { DrawKind } from './warm-up.ts';
import { createDonationMeter } from './widgets/donation-meter/donation-meter.ts';
import { createLowerThird } from './widgets/lower-third/lower-third.ts';
import { createReactionBurst } from './widgets/reaction-burst/reaction-burst.ts';
import { ServerTime } from './server-time.ts';
import type { ShowClock } from './widgets/show-clock/show-clock.ts';
import { consoleLine } from './widgets/error-card/card-text.ts';
import { ErrorCard } from './widgets/error-card/error-card.ts';
import { StaleSign } from './widgets/stale-sign/stale-sign.ts';

/**
 * The widgets on the stage, bottom to top, by their name in the `widgets` URL parameter, with what each
 * draws with (its canvas compiles those programs while it is built: warm-up.ts) and, for a widget with a
 * still part (Widget.still: the meter's panel), what that draws with on its own canvas. One line each.
 * The show clock reads the server's time, which the feed connection estimates. The board and the clock
 * are asked for by few overlays: their code (and the board's map) is fetched only by those.
 */
function widgetFactories(serverTime: ServerTime): readonly (readonly [WidgetName, WidgetFactory, readonly DrawKind[], (readonly DrawKind[])?])[] {
  return [
    ['meter', createDonationMeter, METER_DRAWS, METER_DRAWS],
    ['board', async (context) => (await import('./widgets/region-board/region-board.ts')).createRegionBoard(context), ['sprites', 'baked']],
    ['clock', async (context) => (await import('./widgets/show-clock/show-clock.ts')).createShowClock(context, () => serverTime.now()), ['sprites', 'baked']],
    ['bursts', createReactionBurst, ['particles']],
    ['lower-third', createLowerThird, ['sprites']],
  ];
}

/** What the meter and its still part draw with (warm-up.ts). */
const METER_DRAWS: readonly DrawKind[] = ['sprites', 'baked'];

/**
 * Wakes the stage when the show clock's next second is due: the overlay draws once a second while the
 * clock runs, and not at all while it stands.
 */
function tickShowClock(widget: ShowClock, wake: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const wait = widget.msUntilChange();
    if (wait !== null) timer = setTimeout(() => (wake(), schedule()), wait);
  };
  return schedule;
}

/** Bad URL parameters stay in the console, where a producer can find them after the card has faded. */
function warnAbout(problems: readonly ParamProblem[]): void {
  for (const problem of problems) console.warn(consoleLine(problem));
}

/**
 * What one market's viewers gave (`market=`), from the feed's market scope on a connection of its own: the
 * server computes that amount like every other, and the meter shows it on a line of its own.
 */
function watchMarket(url: string | null, market: string | null, campaign: CampaignInfo, onState: (state: FeedState) => void): void {
  if (market === null) return;
  watchScope(url, market, campaign, onState);
}

/** A second connection to the feed for another scope: one market's viewers, or (market null) the whole campaign. */
function watchScope(url: string | null, market: string | null, campaign: CampaignInfo, onState: (state: FeedState) => void): void {
  new FeedClient({
    url,
    region: null,
    market,
    onCampaign(info) {
      if (info.id !== campaign.id) console.warn(`the market feed serves campaign ${info.id}, not ${campaign.id}`);
    },
    onState,
  });
}

/** Resolves once the stage has drawn a frame, asked for now. */
function drawFrame(stage: Stage, clock: Clock): Promise<void> {
  const drawn = stage.nextDraw();
  if (clock.mode === 'test') clock.advance(0); // frozen time draws only when asked
  else clock.wake();
  return drawn;
}

async function boot(): Promise<void> {
  installLineBreaking();
  useNativeLetterSpacing();
  // Never throws: every bad parameter becomes a problem and its fallback (theme/parse-params.ts).
  const { params, theme, problems, unlistedProblems } = parseParams(location.search, location.hash);
  warnAbout(problems);
  prefetchFonts(theme);
  // The shown language's dictionary, fetched beside the fonts; every widget and the card wait for it.
  const wordsLoaded = loadWords(theme.lang, (line) => console.error(line));
  const clock = createClock(params.clock);
  watchObsVisibility(clock);
  const testHook = installTestHook(clock);
  testHook.hook.params = params;
  try {
    const stage = Stage.create(clock, document.body);
    // The meter's canvas is made at once, while the page boots: it is ready when the meter is built.
    const meterRenderer = params.widgets.includes('meter') ? rendererAhead(METER_DRAWS) : undefined;
    testHook.attach(stage);
    const { scale } = fitStage(window.innerWidth, window.innerHeight);
    const resolution = Math.min(4, Math.max(0.5, scale * (window.devicePixelRatio || 1)));

    // Shown at once, before the feed answers: a wrong feed URL must not hide what else is wrong.
    // Its canvas is made only when there is something to tell: most overlays never show the card.
    const errorCard = new ErrorCard(theme, resolution);
    let cardOnStage: Promise<unknown> | null = null;
    const showCard = async (list: readonly ParamProblem[]) => {
      if (list.length === 0) return;
      await wordsLoaded;
      await (cardOnStage ??= stage.add(errorCard, { onTop: true }));
      await errorCard.show(list, unlistedProblems);
    };
    const cardShown = showCard(problems);

    const health = new FeedHealth(() => performance.now());
    let staleSign: StaleSign | null = null;
    let activeClient: FeedClient | null = null;
    const serverTime = new ServerTime(() => activeClient?.askServerTime() ?? Promise.resolve(null));
    let clockTicks = () => {};
    let knownCampaign: string | null = null;
    let firstStateArrived = () => {};
    const firstState = new Promise<void>((resolve) => (firstStateArrived = resolve));
    // The meter goes on air first; every other widget and the stale sign come after its first frame.
    let meterShown: () => void = () => {};
    const meterOnAir = new Promise<void>((resolve) => (meterShown = resolve));
    if (!params.widgets.includes('meter')) meterShown();
    // The stale-feed sign, from the start: a feed that never answers is the first outage to tell about.
    // Checked on the wall clock: animation time stands still while nothing moves. It is built (its font
    // loaded, its text measured) and given its canvas once the meter is on air, or (a meter slow to come)
    // well before the feed can be stale: it has nothing to show in the first seconds.
    const signTime = Promise.race([meterOnAir, new Promise((resolve) => setTimeout(resolve, STALE_AFTER_MS / 2))]);
    const signBuilt = Promise.all([signTime, wordsLoaded]).then(async () => {
      const sign = await StaleSign.create(theme, resolution);
      await stage.add(sign, { onTop: true });
      staleSign = sign;
      setInterval(() => {
        if (sign.setStale(health.stale)) stage.touch(sign);
      }, 1_000);
    });
    let region = params.region;
    let campaignChecked = false;
    // The campaign as the feed server wrote it into the page: the meter's fonts and build start now, while
    // the socket connects. A region it lacks is dropped at once, as the feed's refusal would (below). With
    // it, the region's state: the meter is drawn without waiting for the socket.
    const written = inlineCampaign(document.getElementById(CAMPAIGN_SCRIPT_ID)?.textContent, params.feed);
    if (written) region = regionShown(written, region);
    const writtenState = written ? inlineState(document.getElementById(STATE_SCRIPT_ID)?.textContent, params.feed, region) : null;
    const campaign = await new Promise<CampaignInfo>((resolve) => {
      const accept = (info: CampaignInfo) => {
        const serialised = JSON.stringify(info);
        // A feed that comes back with another campaign needs other widgets: start afresh.
        if (knownCampaign !== null && knownCampaign !== serialised) location.reload();
        knownCampaign = serialised;
        if (!campaignChecked) {
          campaignChecked = true;
          // `campaign` and `region` can only be checked against what the feed serves.
          const late = campaignProblems(params, info);
          warnAbout(late);
          if (late.length > 0) void cardShown.then(() => showCard([...problems, ...late]));
        }
        resolve(info);
      };
      const connect = (pageState: unknown = null): FeedClient =>
        new FeedClient({
          url: params.feed,
          region,
          pageState,
          onCampaign: accept,
          onState(state) {
            testHook.hook.lastState = state;
            stage.feed(state);
            firstStateArrived();
          },
          onLowerThird(state) {
            stage.lowerThird(state);
          },
          onClock(state) {
            stage.showState({ clock: state });
            clockTicks();
          },
          onStageRegion(state) {
            stage.showState({ stageRegion: state });
          },
          onDisconnect: () => health.disconnected(),
          onResync() {
            health.resynced();
            if (params.widgets.includes('clock')) void serverTime.start().then(() => clockTicks());
            // Recovery shows at once, not at the next check.
            if (staleSign?.setStale(false)) stage.touch(staleSign);
          },
          onSubscribeRefused(error) {
            // A region the campaign lacks: watch the whole campaign instead (the card says so).
            if (error.code !== 'not-found' || region === null) return;
            region = null;
            client.close();
            client = activeClient = connect();
          },
        });
      let client = (activeClient = connect(writtenState));
      if (written) accept(written);
    });

    const text = textPicker(theme.lang, campaign.textFallback, (line) => console.warn(line));
    // A market the campaign lacks is on the error card (campaignProblems); the meter then has no market line.
    const market = marketShown(campaign, params.market);
    const context = { campaign, lang: theme.lang, text, region, market, theme, resolution };
    // The market's own connection opens while the widgets are built; a widget built later starts from its
    // newest state, like from the campaign's (stage.add).
    watchMarket(params.feed, market, campaign, (state) => stage.marketState(state));
    // A region's overlay also watches the whole campaign: the meter's second line, the region board.
    if (region !== null) watchScope(params.feed, null, campaign, (state) => stage.campaignState(state));
    await wordsLoaded;
    // The meter first: its build (fonts, then glyph strips) and its canvas (made meanwhile, and warmed while
    // the fonts load) are all the first frame waits for. Every other widget (canvas, build, first draw) comes
    // after that frame, so that nothing competes with the meter for the main thread or the (often only two)
    // cores: a WebGL context costs 10-100 ms to make in software WebGL. Each widget is put on the stage with
    // the newest states as soon as it is built.
    const placed = Promise.all(
      widgetFactories(serverTime)
        .filter(([name]) => params.widgets.includes(name))
        .map(async ([name, create, draws, stillDraws]) => {
          if (name !== 'meter') await meterOnAir;
          const widget = await stage.add(create(context), { draws, stillDraws, renderer: name === 'meter' ? meterRenderer : undefined });
          if (name === 'clock') (clockTicks = tickShowClock(widget as ShowClock, () => stage.touch(widget)))();
          if (name === 'meter') {
            await firstState;
            const drawn = stage.nextDraw().then(() => (testHook.hook.meterOnAirAtMs = performance.now()));
            // Frozen time (`clock=test`) draws only when asked: there the others do not wait for a frame.
            if (clock.mode === 'real') await drawn;
            meterShown();
          }
        }),
    );
    await placed;
    await firstState;
    await Promise.all([cardShown, signBuilt]);

    await drawFrame(stage, clock);
    // The still parts' own canvases are made after their widget's first frame: ready once they have drawn.
    await stage.stillCanvases();
    await drawFrame(stage, clock);
    testHook.settle();
  } catch (error) {
    console.error('the overlay could not start:', error);
    testHook.settle(error ?? new Error('unknown error'));
  }
}

void boot();
