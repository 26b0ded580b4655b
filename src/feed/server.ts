import { createServer, type Server as HttpServer } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { campaignInfoOf, type CampaignConfig } from '../protocol/index.ts';
import { Aggregator } from './reactions/aggregator.ts';
import { createControl, realTimers, type Control, type ControlOptions } from './control/index.ts';
import { DurableTotals, chooseStore } from './reactions/durable-totals.ts';
import { ingestRoute, type IngestOptions } from './sources/ingest/ingest-route.ts';
import { guardOrigins } from './http/origin.ts';
import { setSecurityHeaders } from './http/security-headers.ts';
import { listen, urlOf } from './http/listen.ts';
import { sendError } from './http/respond.ts';
import type { FeedRoute } from './http/route.ts';
import { createRouter, routeTable, type Middleware } from './http/router.ts';
import { coreRoutes } from './http/routes.ts';
import { recapRoute } from './recap/recap-route.ts';
import { reportRoutes } from './report/report-routes.ts';
import { RedisScaleOut, type RedisScaleOutOptions } from './scale-out/redis-scale-out.ts';
import { staticFiles } from './http/static.ts';
import { overlayPage } from './http/overlay-page.ts';
import { streamsRoute } from './sources/tiktok/streams-route.ts';
import { Broadcaster } from './overlay-socket/broadcaster.ts';
import { FlushPacer } from './overlay-socket/flush-pacer.ts';
import type { OverlayIo } from './overlay-socket/overlay-io.ts';
import { publishStreamStatus } from './overlay-socket/stream-status.ts';
import { guardSocketOrigins } from './overlay-socket/origin-guard.ts';
import { handleOverlaySocket } from './overlay-socket/subscribe.ts';
import { checkSimulatorOptions, type SimulatorOptions } from './sources/simulator.ts';
import { StreamBoard, createTikTokStreams, type TikTokStreamsOptions } from './sources/tiktok/index.ts';
import type { ReactionSource } from './sources/source.ts';
import { runSources, type RunningSources } from './sources/run-sources.ts';
import type { FeedStore } from './store/store.ts';

export type { OverlayIo } from './overlay-socket/overlay-io.ts';
export type { FeedRoute, RouteContext } from './http/route.ts';
export type { Middleware } from './http/router.ts';

export interface FeedServerOptions {
  campaign: CampaignConfig;
  /** Default 127.0.0.1: a show's feed is not for the network unless asked. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Updates go out at most once per tick (ms, default 100); the first change after a quiet tick at once. */
  tickMs?: number;
  /** Run the simulator with these options; off when absent or false. */
  simulator?: SimulatorOptions | false;
  /** Follow the campaign's TikTok LIVE streams (`streams` in the campaign file); off when absent or false. */
  tiktok?: TikTokStreamsOptions | false;
  /** Directory of the built overlay to serve (e.g. dist); null or absent serves no files. */
  staticDir?: string | null;
  /**
   * Attach to an existing server (Vite's dev server) instead of creating one. The feed then neither
   * listens nor answers HTTP by itself: mount `feed.middleware` in that server's middleware stack.
   */
  httpServer?: HttpServer;
  /** More HTTP routes (control, ingest, ...), added to /healthz and /api/state. */
  routes?: readonly FeedRoute[];
  /** More reaction sources (a test's own), started with the server and stopped on close; ingest is a route. */
  sources?: readonly ReactionSource[];
  /** Producer control (lower thirds, goal, test reactions) behind a token; off when absent. */
  control?: ControlOptions;
  /**
   * Keep the totals, the idempotency keys and the settings (lower third, goal) in a crash-safe journal in
   * this directory: every reaction is durable before it is shown or acknowledged, and counted again at the
   * next start. Without it (and without `store`) they live in memory only.
   */
  dataDir?: string;
  /** A store to use instead of the journal. Opened and closed by the feed. */
  store?: FeedStore;
  /**
   * Scale out: totals, idempotency keys and settings live in this Redis, shared with every other feed node
   * started with the same URL and campaign, and every node's overlays see every node's reactions
   * (REDIS_URL for `npm start`). Replaces `dataDir` and `store`.
   */
  redis?: RedisScaleOutOptions;
  /** The ingest API (POST /api/ingest) for these tokens; off when absent. */
  ingest?: IngestOptions;
  /** Origins (scheme://host:port) whose pages may call control, ingest and report, besides the feed's own. */
  allowedOrigins?: readonly string[];
  /**
   * This node's name in /api/streams and in the log, where it says which node runs each source (NODE_ID
   * for `npm start`). Default: host:pid.
   */
  nodeId?: string;
  /** Where problems are reported. Default: console.error. */
  log?: (message: string) => void;
}

export interface FeedServer {
  readonly url: string;
  readonly port: number;
  /** This node's name (the `nodeId` option, or host:pid). */
  readonly nodeId: string;
  readonly aggregator: Aggregator;
  readonly io: OverlayIo;
  /** The control feature, when the server was started with `control`. */
  readonly control: Control | null;
  /** The durable path of every reaction: commit to the store, then apply. */
  readonly totals: DurableTotals;
  /** The feed's HTTP routes as connect middleware (calls `next` for anything else). */
  readonly middleware: Middleware;
  /** Sends the pending coalesced updates now, as a tick does. */
  flush(): void;
  /** Stops sources and ticks, disconnects every client; closes the HTTP server only if the feed created it. */
  close(): Promise<void>;
}

/** Small enough for any client message we accept; a larger one is dropped by engine.io before parsing. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** When the overlay's page prepares its fonts and dictionary writers if no page asked for them first. */
export const PAGE_PREPARED_AFTER_MS = 1_000;

/** Starts the feed: store, aggregator, sources, socket.io and HTTP on one port. */
export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const { tickMs = 100, port = 0, log = (message) => console.error(message) } = options;
  if (!Number.isInteger(tickMs) || tickMs < 1) throw new Error(`tickMs must be a whole number of ms >= 1, got ${tickMs}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port must be a whole number from 0 to 65535, got ${port}`);
  if (options.redis && options.store) throw new Error('give startFeedServer either `redis` or `store`, not both');
  // The store opens first: the totals, the lower third and the goal are restored from it.
  const aggregator = new Aggregator(options.campaign);
  const scaleOut = options.redis ? new RedisScaleOut(options.campaign, options.redis, log) : null;
  const { totals, persisted } = await DurableTotals.open(scaleOut?.store ?? chooseStore(options, log), aggregator, log);
  try {
    if (scaleOut) {
      // Before anything is timed: the show runs on Redis's clock on every node.
      await scaleOut.clock.start();
      totals.showCommitsFromSharedLog(scaleOut.follow(aggregator));
    }
    return await assembleFeedServer(options, aggregator, totals, scaleOut, persisted.roomLikeTotals);
  } catch (error) {
    await scaleOut?.close();
    await totals.close();
    throw error;
  }
}

async function assembleFeedServer(
  options: FeedServerOptions,
  aggregator: Aggregator,
  totals: DurableTotals,
  scaleOut: RedisScaleOut | null,
  roomLikeTotals: Readonly<Record<string, number>>,
): Promise<FeedServer> {
  const { campaign, host = '127.0.0.1', port = 0, tickMs = 100, staticDir = null, log = (message) => console.error(message) } = options;

  // Everything that can refuse the options does so before any other resource exists.
  const control = options.control
    ? createControl({
        ...options.control,
        settings: options.control.settings ?? totals.store,
        timers: options.control.timers ?? (scaleOut ? { ...realTimers, now: () => scaleOut.clock.now() } : realTimers),
        campaign,
        feed: aggregator,
        commitLedger: (draft) => totals.commitLedger(draft),
        ...(scaleOut ? { sharedShowState: scaleOut.store } : {}),
        log,
      })
    : null;
  const nodeId = options.nodeId ?? defaultNodeId();
  const board = new StreamBoard(options.tiktok ? campaign.streams : [], nodeId);
  const streams = options.tiktok ? createTikTokStreams(campaign, board, { log, ...options.tiktok }) : [];
  // Checked now, before any resource exists; the simulator itself is made by runSources.
  if (options.simulator) checkSimulatorOptions(options.simulator);
  const serveStatic = staticDir === null ? null : staticFiles(staticDir);
  const servePage =
    staticDir === null
      ? null
      : overlayPage(staticDir, {
          campaign: () => campaignInfoOf(aggregator.campaign),
          // This node's state as it is: the page is never held for Redis. A scaled-out node behind it shows a
          // lower amount for a moment; the socket's snapshot (taken once caught up) is the baseline after it.
          state: (region) => aggregator.state(region !== null && aggregator.hasRegion(region) ? region : null),
          log,
        });
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const privateRoutes = guardOrigins(
    [
      ...(control?.routes ?? []),
      ...(options.ingest
        ? [ingestRoute({ ...options.ingest, totals, campaign, ...(scaleOut ? { sharedLimiter: (rate, burst) => scaleOut.rateLimiter('ingest', rate, burst) } : {}) })]
        : []),
      ...reportRoutes([...(options.control ? [options.control.token] : []), ...(options.ingest?.tokens ?? [])], aggregator, totals.store),
      ...(options.control ? [recapRoute(options.control.token, aggregator, totals.store, log)] : []),
    ],
    allowedOrigins,
  );
  const routes = routeTable([...coreRoutes, streamsRoute(board), ...privateRoutes, ...(options.routes ?? [])]);

  const ownsHttpServer = options.httpServer === undefined;
  const httpServer = options.httpServer ?? createServer();
  const io: OverlayIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // A link that died without a close (a network drop) is noticed after pingInterval + pingTimeout: 45 s by
    // default. 10 s lets the overlay's stale-feed sign (overlay/feed-health.ts) show within seconds.
    pingInterval: 5_000,
    pingTimeout: 5_000,
    // Vite's HMR websocket shares an attached server: let it answer its own upgrades.
    destroyUpgrade: ownsHttpServer,
    ...(scaleOut ? { adapter: await scaleOut.createAdapter() } : {}),
  });
  const middleware = createRouter(routes, { campaign, aggregator, io }, log);
  if (ownsHttpServer) {
    httpServer.on('request', (request, response) => {
      setSecurityHeaders(request, response);
      middleware(request, response, () => {
        const notFound = () => sendError(response, 'not-found', `nothing at ${request.method} ${request.url}`);
        if (servePage && serveStatic) servePage(request, response, () => serveStatic(request, response, notFound));
        else notFound();
      });
    });
  }
  const overlaySocketOptions = scaleOut ? { beforeSnapshot: () => scaleOut.caughtUp(), now: () => scaleOut.clock.now() } : {};
  io.on('connection', (socket) => handleOverlaySocket(socket, aggregator, log, overlaySocketOptions));
  control?.attach(io);
  if (control) guardSocketOrigins(io.of('/control'), allowedOrigins);
  // Producers see the streams on /control only: the control feature's token guards that namespace.
  const streamStatus = streams.length > 0 && control ? publishStreamStatus(io, board) : null;

  const broadcaster = new Broadcaster(io, aggregator);
  const pacer = new FlushPacer(() => {
    try {
      broadcaster.flush();
      // Control pages hear what moved with the totals (an adjustment made on another node, a goal passed).
      control?.service.publishIfFeedMoved();
    } catch (error) {
      log(`tick failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }, tickMs);
  const stopPacing = aggregator.onChange(() => pacer.changed());

  // The page's fonts and dictionary writers, made a second after start if no page asked for them by then:
  // OBS's first load of the overlay is then not the one that waits for them, and a feed restarted after a
  // crash answers its first requests first.
  const preparePage = servePage ? setTimeout(servePage.prepare, PAGE_PREPARED_AFTER_MS).unref() : undefined;
  let running: RunningSources | undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearTimeout(preparePage);
      stopPacing();
      pacer.cancel();
      control?.close();
      streamStatus?.close();
      await running?.close();
      if (ownsHttpServer) {
        // A sender's keep-alive connection would hold the closing server, and the data directory a
        // restarted feed waits for, for the keep-alive timeout (5 s): close each once its last answer is out.
        const closeIdle = setInterval(() => httpServer.closeIdleConnections(), 50);
        await io.close().finally(() => clearInterval(closeIdle));
      } else {
        // Not ours to close: only let go of the clients and engine.io.
        io.disconnectSockets(true);
        io.engine.close();
      }
      await scaleOut?.close();
      // Last: every reaction already accepted is made durable before the store lets go of its directory.
      await totals.close();
    })());

  try {
    if (ownsHttpServer) await listen(httpServer, port, host);
    // A source's bad delta is reported and dropped; its good ones are committed, then counted.
    running = await runSources({
      campaign,
      totals,
      simulator: options.simulator ?? false,
      streams,
      board,
      ownSources: [...(control ? [control.testSource] : []), ...(options.sources ?? [])],
      roomLikeTotals,
      scaleOut,
      nodeId,
      log,
    });
  } catch (error) {
    await close();
    throw error;
  }
  // When Vite (or whoever owns the server) closes it, the feed goes with it.
  if (!ownsHttpServer) httpServer.once('close', () => void close());

  return {
    get url() {
      return urlOf(httpServer);
    },
    get port() {
      return (httpServer.address() as AddressInfo | null)?.port ?? 0;
    },
    nodeId,
    aggregator,
    io,
    control,
    totals,
    middleware,
    flush: () => pacer.flushNow(),
    close,
  };
}

/** A node's name when none is given: its host and process id, unique among the nodes running at once. */
function defaultNodeId(): string {
  return `${hostname()}:${process.pid}`;
}
