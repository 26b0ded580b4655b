import type { Server } from 'socket.io';
import type { CampaignConfig } from '../../protocol/index.ts';
import { validateToken } from '../http/auth.ts';
import type { FeedRoute } from '../http/route.ts';
import type { OverlayIo } from '../overlay-socket/overlay-io.ts';
import { controlRoutes } from './control-routes.ts';
import { ControlService, type ControlFeed, type ControlServiceOptions } from './control-service.ts';
import { attachControlNamespace } from './control-socket.ts';
import { publishLowerThirdToOverlays } from './overlay-lower-third.ts';
import { MemorySettings, realTimers, type ControlSettings, type ControlTimers } from './ports.ts';
import { localShowState, type ShowStateStore } from './show-state.ts';
import { TestReactionSource } from './test-source.ts';

export type { ControlSettings, ControlTimers } from './ports.ts';
export { realTimers } from './ports.ts';
export { CONTROL_API } from './control-routes.ts';

/** How a feed server offers control: `startFeedServer({ control: { token, settings } })`. */
export interface ControlOptions {
  /** The producer's token (CONTROL_TOKEN): at least 16 characters. */
  token: string;
  /** Where the lower third and the goal are kept across restarts: the feed's store. In memory when absent. */
  settings?: ControlSettings;
  timers?: ControlTimers;
  /** The longest queue of lower thirds. Default 10. */
  queueMax?: number;
}

export interface Control {
  readonly service: ControlService;
  readonly routes: readonly FeedRoute[];
  readonly testSource: TestReactionSource;
  /** Opens the /control namespace and the overlays' lowerThird event on the feed's socket.io server. */
  attach(io: OverlayIo): void;
  close(): void;
}

/** The control feature: the service, its HTTP routes, its sockets and its test source, paired with their release. */
export function createControl(
  options: ControlOptions & {
    campaign: CampaignConfig;
    feed: ControlFeed;
    commitLedger: ControlServiceOptions['commitLedger'];
    /** A store several nodes share (Redis), which keeps the show state for all of them; else `settings` does. */
    sharedShowState?: ShowStateStore;
    log: (message: string) => void;
  },
): Control {
  const token = validateToken(options.token, 'the control token (CONTROL_TOKEN)');
  const timers = options.timers ?? realTimers;
  if (!options.settings && !options.sharedShowState) options.log('control: no store given, so the lower third and the goal will not survive a restart');
  const testSource = new TestReactionSource(timers);
  const service = new ControlService({
    campaign: options.campaign,
    feed: options.feed,
    store: options.sharedShowState ?? localShowState(options.settings ?? new MemorySettings()),
    timers,
    testSource,
    commitLedger: options.commitLedger,
    queueMax: options.queueMax,
    log: options.log,
  });
  const releases: (() => void)[] = [];
  return {
    service,
    routes: controlRoutes(service, token),
    testSource,
    attach(io) {
      const namespace = attachControlNamespace(io as unknown as Server, service, token, options.log);
      const overlays = publishLowerThirdToOverlays(io, service);
      releases.push(() => namespace.close(), () => overlays.close());
    },
    close() {
      for (const release of releases.splice(0)) release();
      service.close();
    },
  };
}
