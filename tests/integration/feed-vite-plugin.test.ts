import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedState } from '../../src/protocol/index.ts';
import { connectClient, nextEvent, subscribe } from './helpers/feed-client.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run dev` as a test: the project's own vite.config.ts, so the plugin's registration is tested too. */
describe('npm run dev: the feed rides on the Vite dev server', () => {
  let vite: ViteDevServer;
  let url: string;
  beforeAll(async () => {
    vite = await createServer({
      root,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await vite.listen();
    url = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  afterAll(async () => {
    await vite?.close();
  });

  it('answers the feed API and Vite on the same port', async () => {
    expect(FeedState.parse(await (await fetch(`${url}/api/state?region=tohoku`)).json()).region).toBe('tohoku');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/@vite/client`)).status).toBe(200);
  });

  it('streams the simulator over socket.io, then closes the feed when Vite closes', async () => {
    const overlay = await connectClient(url);
    const ack = await subscribe(overlay, { v: 1 });
    expect(ack.ok).toBe(true);
    const update = await nextEvent(overlay, 'update');
    expect(update.seq).toBeGreaterThan(0);

    const disconnected = new Promise((resolve) => overlay.once('disconnect', resolve));
    await vite.close();
    await disconnected;
    overlay.close();
  });
});
