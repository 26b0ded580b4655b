import type { Plugin } from 'vite';
import type { CampaignConfig } from '../../protocol/index.ts';
import { newToken } from '../setup/tokens.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../setup/campaign-file.ts';
import { startDemoDirector } from './demo-director.ts';
import { startFeedServer, type FeedServerOptions } from '../server.ts';
import type { SimulatorOptions } from '../sources/simulator.ts';

export interface FeedDevPluginOptions {
  /** A campaign, or the path of a campaign file. Default: $CAMPAIGN, else the sample campaign. */
  campaign?: CampaignConfig | string;
  tickMs?: number;
  /** The simulator that animates the overlay while designing; on by default. */
  simulator?: SimulatorOptions | false;
  routes?: FeedServerOptions['routes'];
  /** Fire a milestone every ~15 s and cycle the roster's lower thirds, so everything animates; on by default, off with DEMO=off. */
  demo?: boolean;
}

/**
 * `npm run dev`: the feed server and its simulator ride on Vite's own HTTP server, so the overlay, its hot
 * reload, socket.io and /api/* share one process and one port. The feed closes when Vite's server closes.
 */
export function feedDevPlugin(options: FeedDevPluginOptions = {}): Plugin {
  return {
    name: 'local-love:feed',
    apply: 'serve',
    async configureServer(server) {
      if (!server.httpServer) {
        server.config.logger.warn('local-love feed: Vite runs in middleware mode, so the feed server is not attached');
        return;
      }
      const campaign =
        typeof options.campaign === 'object' ? options.campaign : loadCampaignFile(options.campaign ?? process.env['CAMPAIGN'] ?? SAMPLE_CAMPAIGN_PATH);
      // The control page works in dev too: with $CONTROL_TOKEN, or a token made for this run and printed.
      const controlToken = process.env['CONTROL_TOKEN']?.trim() || newToken();
      const feed = await startFeedServer({
        campaign,
        control: { token: controlToken },
        httpServer: server.httpServer as import('node:http').Server,
        simulator: options.simulator ?? {},
        ...(options.tickMs !== undefined && { tickMs: options.tickMs }),
        ...(options.routes !== undefined && { routes: options.routes }),
        log: (message) => server.config.logger.error(`local-love feed: ${message}`, { timestamp: true }),
      });
      // Before Vite's own middlewares, so its HTML fallback never answers an API path.
      server.middlewares.use(feed.middleware);
      const tokenSource = process.env['CONTROL_TOKEN']?.trim() ? '$CONTROL_TOKEN' : `${controlToken} (made for this run; set CONTROL_TOKEN to keep one)`;
      server.config.logger.info(`  local-love control page: /control.html  token: ${tokenSource}`);
      if ((options.demo ?? process.env['DEMO'] !== 'off') && feed.control) {
        const director = startDemoDirector({
          control: feed.control.service,
          rosterIds: campaign.roster.map((entry) => entry.id),
          log: (message) => server.config.logger.warn(`local-love feed: ${message}`, { timestamp: true }),
        });
        server.httpServer.once('close', () => director.stop());
        server.config.logger.info('  local-love demo: a milestone or stretch goal every 15 s, the roster\'s lower thirds in turn and a 4-minute show clock (DEMO=off to stop); board and clock: /?widgets=meter,bursts,lower-third,board,clock');
      }
    },
  };
}
