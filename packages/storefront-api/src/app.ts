import { randomUUID } from "node:crypto";
import {
  activeTraceparent,
  continueOrStartTrace,
  inSpan,
  SpanKind,
  withLogContext,
} from "@icp/observability";
import { z } from "zod";
import { unavailableDependency } from "./dependencies";
import { ClientClosedError, readForm, readJson, validate } from "./http";
import { buildOpenApi } from "./openapi";
import { dependencyUnavailable, notFound, ProblemError, problem, problemResponse } from "./problem";
import { rateLimitHeaders } from "./rate-limit";
import { ROUTES, type Route, type RouteContext, type StorefrontApiDeps } from "./routes";
import { InvalidTokenError, type Scope } from "./tokens";

export type { StorefrontApiDeps } from "./routes";

const MINUTE = 60_000;

interface Compiled {
  route: Route;
  pattern: RegExp;
  keys: string[];
}

type Handle = (req: Request, meta?: { ip?: string }) => Promise<Response>;

/**
 * The storefront public API as a plain `Request → Response` function, so Next.js route
 * handlers mount it and tests drive it over real HTTP without a framework in between. The
 * routes are descriptors (routes/*.ts); this is only the wiring around them: routing, request
 * ids and traces, authentication and rate limits, parsing by the descriptor's schemas, and the
 * mapping of every error to a problem.
 */
export function createStorefrontApi(deps: StorefrontApiDeps, routes: readonly Route[] = ROUTES): Handle {
  const table = routes.map(compile);
  let doc: unknown;
  const openApi = () => {
    doc ??= buildOpenApi(deps.basePath, routes);
    return doc;
  };
  return async (req, meta = {}) => {
    const url = new URL(req.url);
    // Ours, always: a client's X-Request-Id is not taken, so nobody can make their request's
    // log lines and records pass for another request's.
    const requestId = randomUUID();
    const path = url.pathname.startsWith(deps.basePath)
      ? url.pathname.slice(deps.basePath.length) || "/"
      : url.pathname;
    try {
      refuseMalformedPath(url.pathname);
      const { compiled, params } = matchRoute(table, path, req.method);
      const route = compiled.route;
      // Continue the caller's W3C trace, or start one: the trace id then rides along on the
      // Kafka record, the jobs, the SAP calls and the webhooks this request causes. With
      // tracing on, this request is a server span and the next hops hang under it.
      const incoming = req.headers.get("traceparent");
      const httpRoute = `${deps.basePath}${route.path}`;
      return await inSpan(
        `${req.method} ${httpRoute}`,
        {
          kind: SpanKind.SERVER,
          parent: incoming ?? undefined,
          attributes: { "http.request.method": req.method, "http.route": httpRoute },
        },
        async (span) => {
          const { traceId, traceparent } = continueOrStartTrace(activeTraceparent() ?? incoming);
          const base = { req, url, requestId, traceparent, ip: meta.ip ?? "unknown", deps, openApi };
          const res = await withLogContext({ requestId, traceId }, () => runRoute(route, params, base));
          span?.setAttribute("http.response.status_code", res.status);
          res.headers.set("X-Request-Id", requestId);
          res.headers.set("traceresponse", traceparent);
          return res;
        },
      );
    } catch (e) {
      return errorResponse(deps, e, requestId, url);
    }
  };
}

/** A `%` that does not start valid UTF-8 percent-encoding anywhere in the path: 400. */
function refuseMalformedPath(pathname: string): void {
  try {
    decodeURIComponent(pathname);
  } catch {
    throw problem("malformed-path", "The path is not valid percent-encoding (RFC 3986 §2.1, UTF-8).");
  }
}

function compile(route: Route): Compiled {
  const keys: string[] = [];
  const pattern = new RegExp(
    `^${route.path.replace(/\{(\w+)\}/g, (_, k: string) => {
      keys.push(k);
      return "([^/]+)";
    })}$`,
  );
  return { route, pattern, keys };
}

/** The route for this path and method, with its raw params; 404 or 405 (with Allow) otherwise. */
function matchRoute(
  table: Compiled[],
  path: string,
  method: string,
): { compiled: Compiled; params: Record<string, string> } {
  const allowed: string[] = [];
  for (const c of table) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    allowed.push(c.route.method);
    if (c.route.method !== method) continue;
    // Path parameters are percent-decoded here, once; a segment that is not valid
    // percent-encoding cannot name anything that exists.
    const params: Record<string, string> = {};
    for (const [i, k] of c.keys.entries()) {
      try {
        params[k] = decodeURIComponent(m[i + 1] ?? "");
      } catch {
        throw notFound("The resource this path names");
      }
    }
    return { compiled: c, params };
  }
  if (allowed.length)
    throw problem("method-not-allowed", `${method} is not supported here; use ${allowed.join(", ")}.`, {
      headers: { Allow: allowed.join(", ") },
    });
  throw notFound(`The resource ${path}`);
}

type Base = Omit<
  RouteContext<unknown, unknown, unknown>,
  "params" | "query" | "body" | "rawBody" | "header" | "clientId"
>;

/** Guard (token or address limit), parse by the descriptor's schemas, run its handler. */
async function runRoute(route: Route, raw: Record<string, string>, base: Base): Promise<Response> {
  const { deps, req } = base;
  const { clientId, headers } =
    route.access === "public"
      ? { clientId: "", headers: await limitIp(deps, base.ip) }
      : await authenticate(deps, req, route.access.scope);
  const parsed = await readRequest(route, req, base.url, raw, deps);
  const res = await route.handler({ ...base, ...parsed, clientId });
  for (const [k, v] of Object.entries(headers)) if (!res.headers.has(k)) res.headers.set(k, v);
  return res;
}

/** The request's params, header, query and body, each by the descriptor's schema, in that order. */
async function readRequest(
  route: Route,
  req: Request,
  url: URL,
  raw: Record<string, string>,
  deps: StorefrontApiDeps,
) {
  const spec = route.request ?? {};
  const params: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(spec.params ?? {})) {
    const value = raw[name] ?? "";
    if (p.notFound) {
      const r = p.schema.safeParse(value);
      if (!r.success) throw notFound(p.notFound);
      params[name] = r.data;
    } else params[name] = validate(z.object({ [name]: p.schema }), { [name]: value }, "path")[name];
  }
  let header = "";
  if (spec.header) {
    const value = req.headers.get(spec.header.name);
    const r = spec.header.schema.safeParse(value);
    if (!r.success) throw problem(spec.header.problem, spec.header.detail);
    header = r.data;
  }
  const query = spec.query ? validate(spec.query, Object.fromEntries(url.searchParams), "query") : undefined;
  let rawBody: unknown;
  let body: unknown;
  if (spec.body) {
    const ms = deps.bodyTimeoutMs;
    rawBody =
      spec.body.type === "form" ? await readForm(req, undefined, ms) : await readJson(req, undefined, ms);
    body = validate(spec.body.schema, rawBody);
  }
  return { params, header, query, rawBody, body };
}

/** The client behind the bearer token, within its rate limit and holding `scope`. */
async function authenticate(
  deps: StorefrontApiDeps,
  req: Request,
  scope: Scope,
): Promise<{ clientId: string; headers: Record<string, string> }> {
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!m?.[1])
    throw problem(
      "unauthorized",
      "Send an access token: Authorization: Bearer <token> (get one at /oauth/token).",
      { headers: { "WWW-Authenticate": 'Bearer realm="storefront"' } },
    );
  const claims = await deps.tokens.verify(m[1]).catch((e: unknown) => {
    // A key store that cannot be read says nothing about the token: that is a 503, not a 401.
    if (!(e instanceof InvalidTokenError)) throw e;
    throw problem("unauthorized", e.message, {
      headers: {
        "WWW-Authenticate": `Bearer realm="storefront", error="invalid_token", error_description="${e.message}"`,
      },
    });
  });
  const client = await deps.clients.find(claims.clientId);
  if (!client || client.revokedAt)
    throw problem("unauthorized", "client is revoked", {
      headers: { "WWW-Authenticate": 'Bearer realm="storefront", error="invalid_token"' },
    });
  deps.clients.used?.(client.clientId);
  const limit = client.rateLimitPerMinute;
  const decision = await deps.limiter.hit(`client:${client.clientId}`, limit, MINUTE);
  const headers = rateLimitHeaders(decision, MINUTE);
  if (!decision.allowed)
    throw problem("rate-limited", `This client may make ${limit} requests per minute.`, { headers });
  if (!claims.scopes.includes(scope))
    throw problem("insufficient-scope", `This needs the ${scope} scope.`, {
      headers: {
        ...headers,
        "WWW-Authenticate": `Bearer realm="storefront", error="insufficient_scope", scope="${scope}"`,
      },
    });
  return { clientId: claims.clientId, headers };
}

/** The per-address budget of the unauthenticated endpoints (token, JWKS, OpenAPI). */
async function limitIp(deps: StorefrontApiDeps, ip: string): Promise<Record<string, string>> {
  const limit = deps.ipLimitPerMinute ?? 300;
  const d = await deps.limiter.hit(`ip:${ip}`, limit, MINUTE);
  const headers = rateLimitHeaders(d, MINUTE);
  if (!d.allowed)
    throw problem("rate-limited", `At most ${limit} requests per minute from one address.`, { headers });
  return headers;
}

/**
 * The line of a driver's message that says what happened: Prisma's put the calling code first
 * and the cause ("Can't reach database server at …") last.
 */
const lastLine = (message: unknown): string =>
  String(message ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1)
    ?.slice(0, 300) ?? "";

/** Every error as a problem: refusals as thrown, stores down as 503, anything else as 500. */
function errorResponse(deps: StorefrontApiDeps, e: unknown, requestId: string, url: URL): Response {
  const base = { "X-Request-Id": requestId };
  const answer = (p: ProblemError) => problemResponse(p.toProblem(url.pathname), { ...base, ...p.headers });
  if (e instanceof ProblemError) return answer(e);
  if (e instanceof ClientClosedError) {
    // The client hung up mid-request: its event, not ours (no error log, not a 5xx). 499 is
    // nginx's "client closed request"; nobody reads it, the metrics count it as a 4xx.
    deps.logger.info(
      { "http.request.id": requestId, "url.path": url.pathname },
      "storefront API client closed the request before it was read",
    );
    return new Response(null, { status: 499, headers: base });
  }
  const dependency = unavailableDependency(e);
  if (dependency) {
    // Expected while a store restarts or hangs: one warning naming it, no stack; the
    // client is told to come back (and alerts watch the 503s and the stores themselves).
    deps.logger.warn(
      {
        dependency,
        "error.type": (e as Error).name,
        "error.message": lastLine((e as Error).message),
        "http.request.id": requestId,
        "url.path": url.pathname,
      },
      "storefront API dependency unavailable",
    );
    return answer(dependencyUnavailable(dependency));
  }
  deps.logger.error(
    { err: e, "http.request.id": requestId, "url.path": url.pathname },
    "storefront API request failed",
  );
  return answer(problem("internal", `Something went wrong on our side. Quote request id ${requestId}.`));
}
