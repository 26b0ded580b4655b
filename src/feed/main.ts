import { join } from 'node:path';
import { buildPages, isBuildStale } from './setup/build-if-stale.ts';
import { startHelp } from './setup/start-help.ts';
import { readStartSettings, type StartSettings } from './setup/start-settings.ts';
import { maskingLog } from './setup/tokens.ts';
import { loadCampaignFile } from './setup/campaign-file.ts';
import { isSourceCheckout, packageRoot } from './setup/package-root.ts';
import { startFeedServer, type FeedServer, type FeedServerOptions } from './server.ts';
import { tiktokLiveConnections } from './sources/tiktok/live-connection.ts';
import { fileRecorder } from './sources/tiktok/recorder.ts';
import { Redactor } from './sources/tiktok/redact.ts';
import { redactRedisUrl } from './scale-out/redis-connection.ts';
import { announceStopping } from './store/journal/directory-lock.ts';

/** TikTok settings from the environment: the stall timeout, and recording (redacted or not) when asked. */
function tiktokOptions(settings: StartSettings, log: (line: string) => void): NonNullable<FeedServerOptions['tiktok']> {
  const record = settings.tiktokRecordDir
    ? { record: fileRecorder(settings.tiktokRecordDir, { log, ...(settings.tiktokRecordRedacted ? { redactor: new Redactor() } : {}) }) }
    : {};
  return { stallAfterMs: settings.tiktokStallMs, openConnection: tiktokLiveConnections({ giftList: settings.tiktokGiftList }), ...record };
}

/**
 * `local-love-overlay start` (`npm start` in the repository): the production overlay and its feed on one
 * port, for OBS. In a source checkout, builds the overlay first when dist/ is missing or older than its
 * sources; the installed package serves the dist/ it was packed with.
 */
export async function start(args: readonly string[]): Promise<void> {
  if (args.includes('--help')) return console.log(startHelp());
  const root = packageRoot();
  const settings = readStartSettings(process.env, args);
  const { redisUrl } = settings;
  const security = settings;
  // Tokens are printed once below when generated; every other line goes through this mask.
  const log = maskingLog([security.controlToken, ...security.ingestTokens], (line) => console.error(line));
  // Before anything is printed: a signal that arrives before its handler would kill the process uncleanly.
  let feed: FeedServer | undefined;
  handleStopSignals(() => feed?.close());

  const campaign = loadCampaignFile(settings.campaignPath);
  if (settings.tiktok && campaign.streams.length === 0) {
    throw new Error(`TIKTOK=on, but ${settings.campaignPath} lists no streams: add "streams": [{ "uniqueId", "region", "market" }]`);
  }

  let staticDir = settings.overlayDir;
  if (staticDir === null) {
    staticDir = join(root, 'dist');
    if (isSourceCheckout(root) && isBuildStale(root, staticDir)) {
      console.log('Building the overlay (dist/ is missing or older than its sources)...');
      await buildPages(root);
    }
  }

  feed = await startFeedServer({
    campaign,
    host: settings.host,
    port: settings.port,
    tickMs: settings.tickMs,
    simulator: settings.simulator ? {} : false,
    tiktok: settings.tiktok ? tiktokOptions(settings, log) : false,
    staticDir,
    ...(redisUrl ? { redis: { url: redisUrl, leaseTtlMs: settings.leaseTtlMs } } : { dataDir: security.dataDir }),
    ...(settings.nodeId ? { nodeId: settings.nodeId } : {}),
    control: { token: security.controlToken },
    ingest: { tokens: security.ingestTokens, requestsPerSecond: security.ingestRequestsPerSecond, burst: 2 * security.ingestRequestsPerSecond },
    allowedOrigins: security.allowedOrigins,
    log,
  });

  const firstRegion = campaign.regions[0]?.id ?? 'REGION';
  console.log(
    [
      `Local Love overlay: ${campaign.name.en} (${campaign.id})`,
      `  OBS browser source, 1920x1080:  ${feed.url}/`,
      `  a single region:                ${feed.url}/?region=${firstRegion}`,
      `  feed state as JSON:             ${feed.url}/api/state`,
      `  control page (OBS custom dock): ${feed.url}/control.html with the CONTROL_TOKEN`,
      settings.simulator
        ? '  simulator ON: set SIMULATOR=off or pass --no-simulator for a real show'
        : '  simulator off: waiting for real reactions',
      settings.tiktok
        ? `  TikTok LIVE ON: ${campaign.streams.map((stream) => `@${stream.uniqueId}`).join(', ')}; status at ${feed.url}/api/streams` +
          (settings.tiktokRecordDir ? `\n  recording every TikTok event${settings.tiktokRecordRedacted ? ' (redacted)' : ' (holds viewers’ names and messages)'} into ${settings.tiktokRecordDir}` : '')
        : '  TikTok LIVE off: set TIKTOK=on to follow the streams listed in the campaign file',
      redisUrl
        ? `  totals kept in:                 Redis at ${redactRedisUrl(redisUrl)} (REDIS_URL), shared with every node started with it`
        : `  totals kept in:                 ${security.dataDir} (DATA_DIR); audit: local-love-overlay report`,
      // Every node is started the same way: a lease in Redis runs each source on one node at a time.
      ...(redisUrl && (settings.simulator || settings.tiktok)
        ? [`  sources run on one node at a time: this node (${feed.nodeId}) takes a source whose node is gone; who runs what at ${feed.url}/api/streams`]
        : []),
      `  ingest API:                     POST ${feed.url}/api/ingest with Authorization: Bearer <INGEST_TOKEN>`,
      ...security.generated.map(
        (name) =>
          `  ${name} was not set; generated for this run (shown once, set it to keep it): ${name === 'CONTROL_TOKEN' ? security.controlToken : security.ingestTokens[0]}`,
      ),
      ...(isSourceCheckout(root) ? ['  designing? npm run dev serves the overlay with hot reload and the simulator'] : []),
      'Ctrl+C stops.',
    ].join('\n'),
  );

}

/** Ctrl+C or SIGTERM closes the feed and exits 0; a second signal exits at once. */
function handleStopSignals(close: () => Promise<void> | undefined): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    // A feed started on this data directory meanwhile waits for this one instead of being refused.
    announceStopping();
    console.log(`${signal}: closing the feed...`);
    Promise.resolve(close()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
