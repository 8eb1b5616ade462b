import type { Logger } from "@icp/observability";
import type { z } from "zod";
import type { ApiClients, Carts, Catalog, Customers, Idempotency, Orders, ProductImages } from "../ports";
import type { ProblemType } from "../problem";
import type { SlidingWindowLimiter } from "../rate-limit";
import type { AccessTokens, Scope } from "../tokens";

/** The token endpoint's throttles: attempts per minute and failures per window before backoff. */
export interface TokenThrottle {
  /** Token requests per minute naming one client id (whatever their address). */
  attemptsPerClientPerMinute: number;
  /** Failed authentications of one client id within `failureWindowMs` before it backs off. */
  failuresPerClient: number;
  /** Failed authentications from one address within `failureWindowMs` before it backs off. */
  failuresPerAddress: number;
  failureWindowMs: number;
}

/** What the routes run on; the composition root (wiring.ts, or a test) passes them in. */
export interface StorefrontApiDeps {
  basePath: string; // e.g. "/api/storefront/v1"
  clients: ApiClients;
  tokens: AccessTokens;
  limiter: SlidingWindowLimiter;
  catalog: Catalog;
  /** Product images copied from SAP, served publicly (routes/images.ts). */
  images: ProductImages;
  customers: Customers;
  carts: Carts;
  orders: Orders;
  idempotency: Idempotency;
  logger: Logger;
  /** Per-IP budget for unauthenticated endpoints (token, JWKS, OpenAPI). */
  ipLimitPerMinute?: number;
  /** How long a request body may take to arrive (ms) before the answer is 408; default 10 s. */
  bodyTimeoutMs?: number;
  /** Token endpoint: failures and attempts per client id and per address; defaults in oauth.ts. */
  tokenThrottle?: Partial<TokenThrottle>;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** A path parameter: its schema, and what an id of another shape means. */
export interface ParamSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /**
   * An id that fails the schema names nothing that exists: 404 "<notFound> does not exist."
   * (the same answer as a missing or another client's resource, without asking a store).
   * Without it, a 400 validation problem.
   */
  notFound?: string;
  description?: string;
}

/** A request header the operation needs; a missing or invalid one is answered with `problem`. */
export interface HeaderSpec {
  name: string;
  schema: z.ZodType<string>;
  problem: ProblemType;
  /** The problem's detail: what to send. */
  detail: string;
  description?: string;
}

export interface BodySpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** json (the default) or form (application/x-www-form-urlencoded, the OAuth2 token request). */
  type?: "json" | "form";
}

export interface ResponseSpec {
  description: string;
  /** The body's schema; none for an empty body or one the description explains. */
  schema?: z.ZodType;
  /** A binary body instead of JSON, in one of these media types (an image). */
  mediaTypes?: readonly string[];
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
  /**
   * OpenAPI links: operations this answer's values feed (e.g. a created cart's id into reading
   * it), so clients and fuzzers can follow a cart or an order from one operation to the next.
   */
  links?: Record<
    string,
    { operation: `${Method} /${string}`; parameters?: Record<string, string>; requestBody?: unknown }
  >;
}

type ParamSpecs = Record<string, ParamSpec>;
type Parsed<PS extends ParamSpecs> = { [K in keyof PS]: z.output<PS[K]["schema"]> };

/** What a handler gets: the request parsed by its descriptor's schemas, and the API's ports. */
export interface RouteContext<P, Q, B> {
  req: Request;
  url: URL;
  params: P;
  query: Q;
  body: B;
  /** The body as sent, before the schema's defaults and transforms (for request hashes). */
  rawBody: unknown;
  /** The value of the descriptor's `header`, validated. */
  header: string;
  /** The authenticated client (empty on public routes). */
  clientId: string;
  requestId: string;
  traceparent: string;
  /** The client's address: the socket's peer, or what trusted proxies say it is. */
  ip: string;
  deps: StorefrontApiDeps;
  /** The OpenAPI document of this API (for the route that serves it). */
  openApi(): unknown;
}

/**
 * A route that describes itself: method, path, who may call it, the schemas that validate its
 * request and describe its responses, the problems it answers, and its handler. The router and
 * the OpenAPI document are both built from the list of these (routes/index.ts).
 */
export interface RouteDescriptor<
  PS extends ParamSpecs = ParamSpecs,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** The route template, e.g. /orders/{orderId}: span names and metrics, never ids. */
  path: `/${string}`;
  summary: string;
  description?: string;
  /** An OAuth2 scope the access token must carry, or public (limited per address instead). */
  access: { scope: Scope } | "public";
  request?: { params?: PS; query?: Q; header?: HeaderSpec; body?: BodySpec<B> };
  responses: Record<number, ResponseSpec>;
  /**
   * The problems the handler itself answers. Those the router answers for it (authentication,
   * rate limit, request validation, dependency outage, internal error) are implied by the
   * descriptor, see `problemsOf`.
   */
  problems: ProblemType[];
  handler(ctx: RouteContext<Parsed<PS>, z.output<Q>, z.output<B>>): Promise<Response>;
}

/** Type-checks a descriptor against its own schemas; the list holds them type-erased. */
export function defineRoute<
  PS extends ParamSpecs = Record<never, ParamSpec>,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(route: RouteDescriptor<PS, Q, B>): Route {
  return route as unknown as Route;
}

export type Route = RouteDescriptor<ParamSpecs, z.ZodType, z.ZodType>;

/** Every problem a route may answer: its own and those the router answers on its behalf. */
export function problemsOf(route: Route): ProblemType[] {
  const implied: ProblemType[] = [];
  if (route.access === "public") implied.push("rate-limited");
  else implied.push("unauthorized", "insufficient-scope", "rate-limited");
  const params = Object.values(route.request?.params ?? {});
  if (params.length) implied.push("not-found");
  // A path that is not valid percent-encoding is refused before routing, on every route.
  implied.push("malformed-path");
  if (params.some((p) => !p.notFound) || route.request?.query) implied.push("validation");
  if (route.request?.header) implied.push(route.request.header.problem);
  const body = route.request?.body;
  if (body) {
    implied.push("unsupported-media-type", "payload-too-large", "request-timeout", "validation");
    if (body.type !== "form") implied.push("malformed-json");
  }
  implied.push("internal", "dependency-unavailable");
  return [...new Set([...implied, ...route.problems])];
}
