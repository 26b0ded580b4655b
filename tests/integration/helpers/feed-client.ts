import { io as connect, type Socket } from 'socket.io-client';
import type { CampaignInfo, FeedState, OverlayClientToServerEvents, OverlayServerToClientEvents, SubscriptionInput } from '../../../src/protocol/index.ts';

export type OverlayClient = Socket<OverlayServerToClientEvents, OverlayClientToServerEvents>;
export type AckResult = Parameters<NonNullable<Parameters<OverlayClientToServerEvents['subscribe']>[1]>>[0];

/** A real socket.io-client on the websocket transport, connected before it is returned. */
export async function connectClient(url: string, options: { reconnection?: boolean } = {}): Promise<OverlayClient> {
  const client: OverlayClient = connect(url, { transports: ['websocket'], forceNew: true, reconnection: options.reconnection ?? false, reconnectionDelay: 10, randomizationFactor: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  return client;
}

/** Everything a client receives, in order, so a test can count updates. */
export function record(client: OverlayClient) {
  const received = { order: [] as string[], campaign: [] as CampaignInfo[], snapshot: [] as FeedState[], update: [] as FeedState[], refused: [] as unknown[] };
  client.onAny((event: string) => received.order.push(event));
  client.on('campaign', (info) => received.campaign.push(info));
  client.on('snapshot', (state) => received.snapshot.push(state));
  client.on('update', (state) => received.update.push(state));
  client.on('refused', (error) => received.refused.push(error));
  return received;
}

export function subscribe(client: OverlayClient, subscription: unknown): Promise<AckResult> {
  return new Promise((resolve) => client.emit('subscribe', subscription as SubscriptionInput, resolve));
}

/**
 * A round trip on the same connection: socket.io delivers in order, so once this resolves every message
 * the server sent before it has arrived. Lets a test assert that something was NOT sent without sleeping.
 * It sends an event no one listens to; the server answers it with `refused` through the ack.
 */
export function barrier(client: OverlayClient): Promise<unknown> {
  return new Promise((resolve) => (client.emit as (event: string, ack: (r: unknown) => void) => void)('barrier', resolve));
}

export function nextEvent<E extends keyof OverlayServerToClientEvents>(client: OverlayClient, event: E): Promise<Parameters<OverlayServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => client.once(event, ((payload: never) => resolve(payload)) as never));
}
