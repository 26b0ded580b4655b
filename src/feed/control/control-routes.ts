import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, tokensMatch } from '../http/auth.ts';
import { readJsonBody } from '../http/json-body.ts';
import { sendError, sendJson } from '../http/respond.ts';
import type { FeedRoute } from '../http/route.ts';
import type { ControlService } from './control-service.ts';

/** Enough for an inline card with a data-URL photo (see MAX_PHOTO_DATA_URL_LENGTH). */
export const MAX_CONTROL_BODY_BYTES = 320 * 1024;

export const CONTROL_API = '/api/control';

/**
 * The control HTTP API. Every route needs `Authorization: Bearer <token>`; without it: 401 and nothing
 * changes. POST bodies are JSON; the answer to every command is the full ControlStatus, or
 * `{ error: { code, message } }` with a message naming the field at fault.
 *
 * `POST /api/control/command` takes any command (`{ "type": "show", "rosterId": "aoi-sato" }`); the
 * per-action routes take the same body without `type` (POST /api/control/lower-third/show
 * `{ "rosterId": "aoi-sato" }`), for a Stream Deck or curl.
 */
export function controlRoutes(control: ControlService, token: string): FeedRoute[] {
  const guarded = (method: FeedRoute['method'], path: string, handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void): FeedRoute => ({
    method,
    path,
    async handle(request, response) {
      if (!tokensMatch(bearerToken(request), token)) {
        response.setHeader('www-authenticate', 'Bearer realm="local-love control"');
        request.resume();
        return sendError(response, 'unauthorised', 'send the producer token as Authorization: Bearer <token>');
      }
      await handle(request, response);
    },
  });

  const command = (path: string, type?: string) =>
    guarded('POST', `${CONTROL_API}${path}`, async (request, response) => {
      const body = await readJsonBody(request, MAX_CONTROL_BODY_BYTES);
      if (!body.ok) return sendError(response, 'bad-request', body.message, body.status);
      if (type !== undefined && (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))) {
        return sendError(response, 'bad-request', '(root): the body must be a JSON object');
      }
      const result = await control.execute(type === undefined ? body.value : { ...(body.value as object), type });
      if (result.ok) sendJson(response, 200, result.value);
      else sendError(response, result.error.code, result.error.message);
    });

  return [
    guarded('GET', `${CONTROL_API}/status`, (_request, response) => sendJson(response, 200, control.status())),
    command('/command'),
    command('/lower-third/show', 'show'),
    command('/lower-third/update', 'update'),
    command('/lower-third/next', 'next'),
    command('/lower-third/hide', 'hide'),
    command('/lower-third/queue', 'queue'),
    command('/lower-third/auto-out', 'autoOut'),
    command('/goal', 'setGoal'),
    command('/goal/next', 'setNextGoal'),
    command('/clock/set', 'clockSet'),
    command('/clock/start', 'clockStart'),
    command('/clock/pause', 'clockPause'),
    command('/clock/reset', 'clockReset'),
    command('/stage-region', 'stageRegion'),
    command('/test', 'test'),
    command('/adjustments', 'addAdjustment'),
    command('/adjustments/void', 'voidAdjustment'),
  ];
}
