import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedRoute, RouteContext } from './route.ts';
import { sendError } from './respond.ts';

export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** The route table keyed by `METHOD /path`. Duplicates are refused, so two features cannot silently shadow each other. */
export type RouteTable = ReadonlyMap<string, FeedRoute>;

export function routeTable(routes: readonly FeedRoute[]): RouteTable {
  const table = new Map<string, FeedRoute>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (table.has(key)) throw new Error(`route ${key} is declared twice`);
    table.set(key, route);
  }
  return table;
}

/**
 * Turns a route table into a connect-style middleware: a matching route handles the request, anything
 * else goes to `next` (static files, Vite's own middlewares, or a 404).
 */
export function createRouter(table: RouteTable, context: Omit<RouteContext, 'url'>, log: (message: string) => void): Middleware {
  const knownPaths = new Set([...table.values()].map((route) => route.path));

  return (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://feed.invalid');
    const method = request.method ?? 'GET';
    const route = table.get(`${method} ${url.pathname}`) ?? (method === 'HEAD' ? table.get(`GET ${url.pathname}`) : undefined);
    if (!route) {
      if (knownPaths.has(url.pathname)) return sendError(response, 'bad-request', `${method} is not allowed on ${url.pathname}`, 405);
      return next();
    }
    const fail = (error: unknown) => {
      log(`${method} ${url.pathname} failed: ${(error as Error)?.stack ?? String(error)}`);
      if (!response.headersSent) sendError(response, 'internal', 'internal error');
      else response.destroy();
    };
    try {
      Promise.resolve(route.handle(request, response, { ...context, url })).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}
