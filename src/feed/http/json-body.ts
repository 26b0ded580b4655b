import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads a JSON request body of at most `maxBytes`. An empty body reads as `{}` (POST .../hide needs none).
 * Every refusal says what was wrong. A body that is too large is drained, not buffered, so the answer
 * still reaches the client.
 */
export function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on('error', (error) => resolve({ ok: false, status: 400, message: `body: could not be read: ${error.message}` }));
    request.on('end', () => resolve(parse(request, chunks, size, maxBytes)));
  });
}

function parse(request: IncomingMessage, chunks: Buffer[], size: number, maxBytes: number): BodyResult {
  if (size > maxBytes) return { ok: false, status: 413, message: `body: larger than ${maxBytes} bytes` };
  if (size === 0) return { ok: true, value: {} };
  const type = request.headers['content-type'];
  if (type === undefined || !/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, status: 415, message: `body: send JSON with content-type application/json (got ${type ?? 'none'})` };
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch (error) {
    return { ok: false, status: 400, message: `body: not valid JSON: ${(error as Error).message}` };
  }
}
