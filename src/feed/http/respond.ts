import type { ServerResponse } from 'node:http';
import type { FeedError } from '../../protocol/index.ts';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

const STATUS_OF: Record<FeedError['code'], number> = {
  'bad-request': 400,
  unauthorised: 401,
  'not-found': 404,
  'rate-limited': 429,
  internal: 500,
};

/** Answers with a FeedError body, the same shape the socket sends in `refused`; `status` refines the code's default. */
export function sendError(response: ServerResponse, code: FeedError['code'], message: string, status = STATUS_OF[code]): void {
  const error: FeedError = { code, message };
  sendJson(response, status, { error });
}
