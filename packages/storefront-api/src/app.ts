import { createHash, randomUUID } from "node:crypto";
import { orderIdSchema } from "@icp/domain";
import {
  activeTraceparent,
  continueOrStartTrace,
  inSpan,
  type Logger,
  SpanKind,
  withLogContext,
} from "@icp/observability";
import { unavailableDependency } from "./dependencies";
import { json, readForm, readJson, validate } from "./http";
import { buildOpenApi } from "./openapi";
import type {
  ApiClients,
  CartProblem,
  Carts,
  Catalog,
  Customers,
  Idempotency,
  OrderProblem,
  Orders,
} from "./ports";
import { dependencyUnavailable, ProblemError, ProblemTypes, problemResponse } from "./problem";
import { rateLimitHeaders, type SlidingWindowLimiter } from "./rate-limit";
import {
  cancelOrderSchema,
  cartIdSchema,
  cartLineInputSchema,
  createCartSchema,
  customerIdSchema,
  productListQuerySchema,
  skuSchema,
  stockQuerySchema,
  submitOrderSchema,
  tokenRequestSchema,
} from "./schemas";
import {
  type AccessTokenClaims,
  type AccessTokens,
  InvalidTokenError,
  isScope,
  type Scope,
  verifyClientSecret,
} from "./tokens";

export interface StorefrontApiDeps {
  basePath: string; // e.g. "/api/storefront/v1"
  clients: ApiClients;
  tokens: AccessTokens;
  limiter: SlidingWindowLimiter;
  catalog: Catalog;
  customers: Customers;
  carts: Carts;
  orders: Orders;
  idempotency: Idempotency;
  logger: Logger;
  /** Per-IP budget for unauthenticated endpoints (token, JWKS, OpenAPI). */
  ipLimitPerMinute?: number;
}

interface RequestCtx {
  req: Request;
  url: URL;
  params: Record<string, string>;
  requestId: string;
  ip: string;
  traceparent?: string;
}

type Handler = (ctx: RequestCtx) => Promise<Response>;
interface Route {
  method: string;
  /** The route template, e.g. /orders/{orderId}: span names and metrics, never ids. */
  path: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

const MINUTE = 60_000;

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

/** A storefront order id for an order whose client chose none; minted once per key. */
const mintOrderId = () =>
  `SF-${randomUUID().slice(0, 8).toUpperCase()}${Date.now().toString(36).toUpperCase()}`;

/**
 * The storefront public API as a plain `Request → Response` function, so Next.js route
 * handlers mount it and tests drive it over real HTTP without a framework in between.
 */
export function createStorefrontApi(
  deps: StorefrontApiDeps,
): (req: Request, meta?: { ip?: string }) => Promise<Response> {
  const routes: Route[] = [];
  const add = (method: string, path: string, handler: Handler) => {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/\{(\w+)\}/g, (_, k: string) => {
        keys.push(k);
        return "([^/]+)";
      })}$`,
    );
    routes.push({ method, path, pattern, keys, handler });
  };

  async function authenticate(
    ctx: RequestCtx,
    scope: Scope,
  ): Promise<{ claims: AccessTokenClaims; headers: Record<string, string> }> {
    const header = ctx.req.headers.get("authorization") ?? "";
    const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header);
    if (!m?.[1]) {
      throw new ProblemError(
        401,
        ProblemTypes.unauthorized,
        "Unauthorized",
        "Send an access token: Authorization: Bearer <token> (get one at /oauth/token).",
        {},
        { "WWW-Authenticate": 'Bearer realm="storefront"' },
      );
    }
    let claims: AccessTokenClaims;
    try {
      claims = await deps.tokens.verify(m[1]);
    } catch (e) {
      // A key store that cannot be read says nothing about the token: that is a 503, not a 401.
      if (!(e instanceof InvalidTokenError)) throw e;
      const why = e.message;
      throw new ProblemError(
        401,
        ProblemTypes.unauthorized,
        "Unauthorized",
        why,
        {},
        {
          "WWW-Authenticate": `Bearer realm="storefront", error="invalid_token", error_description="${why}"`,
        },
      );
    }
    const client = await deps.clients.find(claims.clientId);
    if (!client || client.revokedAt) {
      throw new ProblemError(
        401,
        ProblemTypes.unauthorized,
        "Unauthorized",
        "client is revoked",
        {},
        { "WWW-Authenticate": 'Bearer realm="storefront", error="invalid_token"' },
      );
    }
    const decision = await deps.limiter.hit(`client:${client.clientId}`, client.rateLimitPerMinute, MINUTE);
    const headers = rateLimitHeaders(decision, MINUTE);
    if (!decision.allowed) {
      throw new ProblemError(
        429,
        ProblemTypes.rateLimited,
        "Too many requests",
        `This client may make ${client.rateLimitPerMinute} requests per minute.`,
        {},
        headers,
      );
    }
    if (!claims.scopes.includes(scope)) {
      throw new ProblemError(
        403,
        ProblemTypes.forbidden,
        "Insufficient scope",
        `This needs the ${scope} scope.`,
        {},
        {
          ...headers,
          "WWW-Authenticate": `Bearer realm="storefront", error="insufficient_scope", scope="${scope}"`,
        },
      );
    }
    return { claims, headers };
  }

  async function limitIp(ctx: RequestCtx): Promise<Record<string, string>> {
    const limit = deps.ipLimitPerMinute ?? 300;
    const d = await deps.limiter.hit(`ip:${ctx.ip}`, limit, MINUTE);
    const headers = rateLimitHeaders(d, MINUTE);
    if (!d.allowed)
      throw new ProblemError(
        429,
        ProblemTypes.rateLimited,
        "Too many requests",
        `At most ${limit} requests per minute from one address.`,
        {},
        headers,
      );
    return headers;
  }

  const withEtag = (ctx: RequestCtx, body: unknown, headers: Record<string, string>): Response => {
    const text = JSON.stringify(body);
    const etag = `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
    const h = { ...headers, ETag: etag, "Cache-Control": "private, max-age=0, must-revalidate" };
    const inm = ctx.req.headers.get("if-none-match");
    if (
      inm
        ?.split(",")
        .map((s) => s.trim())
        .includes(etag)
    )
      return new Response(null, { status: 304, headers: h });
    return new Response(text, { status: 200, headers: { "content-type": "application/json", ...h } });
  };

  const cartProblem = (p: CartProblem) =>
    p.kind === "unknown-product"
      ? new ProblemError(
          422,
          ProblemTypes.unknownProduct,
          "Unknown product",
          `There is no product ${p.sku}.`,
          { sku: p.sku },
        )
      : new ProblemError(
          422,
          ProblemTypes.insufficientStock,
          "Insufficient stock",
          `Only ${p.available} of ${p.sku} available.`,
          { sku: p.sku, available: p.available },
        );

  const notFound = (what: string) =>
    new ProblemError(404, ProblemTypes.notFound, "Not found", `${what} does not exist.`);

  const orderProblem = (p: OrderProblem, customerId: string) =>
    p.kind === "duplicate-order"
      ? new ProblemError(
          409,
          ProblemTypes.conflict,
          "Order exists",
          `Order ${p.orderId} was already submitted.`,
        )
      : p.kind === "unknown-cart"
        ? notFound("This cart")
        : p.kind === "unknown-customer"
          ? new ProblemError(
              422,
              ProblemTypes.validation,
              "Unknown customer",
              `There is no customer ${customerId}.`,
            )
          : cartProblem(p);

  /**
   * An id from the path (already percent-decoded by the router), checked against the shape
   * such ids have. One of another shape names nothing that exists: the same 404 as a missing
   * (or another client's) resource, without asking a store about it.
   */
  const pathId = (ctx: RequestCtx, key: string, shape: { safeParse(v: unknown): { success: boolean } }) => {
    const id = ctx.params[key] ?? "";
    return shape.safeParse(id).success ? id : null;
  };

  // ---- OAuth2 client credentials (RFC 6749 §4.4) ----
  add("POST", "/oauth/token", async (ctx) => {
    const headers = await limitIp(ctx);
    const form = validate(tokenRequestSchema, await readForm(ctx.req));
    let clientId = form.client_id;
    let secret = form.client_secret;
    const basic = /^Basic\s+(.+)$/i.exec(ctx.req.headers.get("authorization") ?? "");
    if (basic?.[1]) {
      const [id, ...rest] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
      try {
        clientId = decodeURIComponent(id ?? "");
        secret = decodeURIComponent(rest.join(":"));
      } catch {
        // Not valid form-urlencoding (RFC 6749 §2.3.1): no credentials, the answer below.
        clientId = undefined;
        secret = undefined;
      }
    }
    const client = clientId ? await deps.clients.find(clientId) : null;
    // One answer for every credential problem, so the endpoint cannot be used to probe client ids.
    if (!client || client.revokedAt || !secret || !(await verifyClientSecret(secret, client.secretHash))) {
      return json(
        { error: "invalid_client", error_description: "client authentication failed" },
        {
          status: 401,
          headers: {
            ...headers,
            "WWW-Authenticate": 'Basic realm="storefront"',
            "Cache-Control": "no-store",
          },
        },
      );
    }
    const requested = form.scope ? form.scope.split(" ").filter(Boolean) : client.scopes;
    const unknown = requested.filter((s) => !isScope(s) || !client.scopes.includes(s));
    if (unknown.length) {
      return json(
        { error: "invalid_scope", error_description: `not granted to this client: ${unknown.join(" ")}` },
        { status: 400, headers: { ...headers, "Cache-Control": "no-store" } },
      );
    }
    const token = await deps.tokens.issue({ clientId: client.clientId, scopes: requested as Scope[] });
    return json(token, { headers: { ...headers, "Cache-Control": "no-store", Pragma: "no-cache" } });
  });

  add("GET", "/.well-known/jwks.json", async (ctx) =>
    json(await deps.tokens.jwks(), {
      headers: { ...(await limitIp(ctx)), "Cache-Control": "public, max-age=300" },
    }),
  );
  add("GET", "/openapi.json", async (ctx) =>
    json(buildOpenApi(deps.basePath), { headers: await limitIp(ctx) }),
  );

  // ---- Catalog ----
  add("GET", "/products", async (ctx) => {
    const { headers } = await authenticate(ctx, "catalog:read");
    const q = validate(productListQuerySchema, Object.fromEntries(ctx.url.searchParams), "query");
    const { items, total } = await deps.catalog.list(q);
    return withEtag(ctx, { items, page: q.page, pageSize: q.pageSize, total }, headers);
  });
  add("GET", "/products/{sku}", async (ctx) => {
    const { headers } = await authenticate(ctx, "catalog:read");
    const sku = validate(skuSchema, ctx.params.sku, "query");
    const product = await deps.catalog.get(sku);
    if (!product) throw notFound(`Product ${sku}`);
    return withEtag(ctx, product, headers);
  });
  add("GET", "/stock", async (ctx) => {
    const { headers } = await authenticate(ctx, "catalog:read");
    const { skus } = validate(stockQuerySchema, Object.fromEntries(ctx.url.searchParams), "query");
    return json(
      { items: await deps.catalog.stock(skus) },
      { headers: { ...headers, "Cache-Control": "no-store" } },
    );
  });

  // ---- Customers ----
  add("GET", "/customers/{customerId}", async (ctx) => {
    const { headers } = await authenticate(ctx, "customers:read");
    const id = pathId(ctx, "customerId", customerIdSchema);
    const customer = id === null ? null : await deps.customers.get(id);
    if (!customer) throw notFound("This customer");
    return json(customer, { headers: { ...headers, "Cache-Control": "no-store" } });
  });

  // ---- Carts ----
  add("POST", "/carts", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "carts:write");
    const input = validate(createCartSchema, await readJson(ctx.req));
    const cart = await deps.carts.create(claims.clientId, input);
    if ("kind" in cart) throw cartProblem(cart);
    return json(cart, {
      status: 201,
      headers: { ...headers, Location: `${deps.basePath}/carts/${cart.id}` },
    });
  });
  add("GET", "/carts/{cartId}", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "carts:write");
    const cartId = pathId(ctx, "cartId", cartIdSchema);
    const cart = cartId === null ? null : await deps.carts.get(claims.clientId, cartId);
    if (!cart) throw notFound("This cart");
    return json(cart, { headers });
  });
  add("PUT", "/carts/{cartId}/lines/{sku}", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "carts:write");
    const body = validate(cartLineInputSchema.pick({ quantity: true }), await readJson(ctx.req));
    const sku = validate(skuSchema, ctx.params.sku, "query");
    const cartId = pathId(ctx, "cartId", cartIdSchema);
    const cart =
      cartId === null
        ? null
        : await deps.carts.setLine(claims.clientId, cartId, { sku, quantity: body.quantity });
    if (!cart) throw notFound("This cart");
    if ("kind" in cart) throw cartProblem(cart);
    return json(cart, { headers });
  });
  add("DELETE", "/carts/{cartId}/lines/{sku}", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "carts:write");
    const cartId = pathId(ctx, "cartId", cartIdSchema);
    const sku = pathId(ctx, "sku", skuSchema);
    const cart =
      cartId === null
        ? null
        : sku === null
          ? await deps.carts.get(claims.clientId, cartId) // no such line: nothing to remove
          : await deps.carts.removeLine(claims.clientId, cartId, sku);
    if (!cart) throw notFound("This cart");
    return json(cart, { headers });
  });

  // ---- Orders ----
  add("POST", "/orders", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "orders:write");
    const key = ctx.req.headers.get("idempotency-key");
    if (!key || !/^[\x21-\x7e]{8,255}$/.test(key)) {
      throw new ProblemError(
        400,
        ProblemTypes.idempotencyKeyMissing,
        "Idempotency-Key required",
        "Send a unique Idempotency-Key header (8–255 visible ASCII characters) with every order; reuse it only to retry the same order.",
      );
    }
    const raw = await readJson(ctx.req);
    const input = validate(submitOrderSchema, raw);
    const requestHash = createHash("sha256").update(JSON.stringify(raw)).digest("hex");
    // The key and the checks against customer, catalog and stock at the same time: a replay
    // answers what it answered first whatever the checks say now. The key binds an order id
    // on its first request (the client's own, or the one minted here), and every later
    // attempt with it uses that id: a retry continues the order, it never starts a second.
    const [begin, check] = await Promise.allSettled([
      deps.idempotency.begin(claims.clientId, key, requestHash, input.orderId ?? mintOrderId()),
      deps.orders.check(claims.clientId, input),
    ]);
    if (begin.status === "rejected") throw begin.reason;
    const begun = begin.value;
    if (begun.state === "replay")
      return json(begun.body, {
        status: begun.status,
        headers: { ...headers, "Idempotent-Replayed": "true" },
      });
    if (begun.state === "mismatch")
      throw new ProblemError(
        422,
        ProblemTypes.idempotencyKeyReused,
        "Idempotency-Key reused",
        "This Idempotency-Key was already used for a different request body.",
      );
    if (begun.state === "in-progress")
      throw new ProblemError(
        409,
        ProblemTypes.conflict,
        "Request in progress",
        "A request with this Idempotency-Key is still being processed; retry shortly.",
        begun.orderId ? { orderId: begun.orderId } : {},
        { "Retry-After": "1" },
      );
    const { orderId, lease } = begun;
    const statusUrl = `${deps.basePath}/orders/${encodeURIComponent(orderId)}`;
    const body = { orderId, status: "RECEIVED" as const, statusUrl };
    // Whether the key may be given back if this attempt ends without an order: only while
    // nothing durable can exist for it. A resumed key's earlier attempt may have put the order
    // in the ledger; from the ledger insert on, this attempt may have too.
    let refusable = begun.state === "new";
    try {
      if (check.status === "rejected") throw check.reason;
      let lines = check.value.ok ? check.value.lines : null;
      let refusal: OrderProblem | null = check.value.ok ? null : check.value.problem;
      if (refusal && begun.state === "resumed") {
        // An order an earlier attempt anchored stands, whatever the checks say now (its stock
        // may be gone because of this very order): finish it. One that never reached the
        // ledger is refused like a new one.
        if (await deps.orders.anchored(claims.clientId, orderId, key)) {
          if (check.value.ok || !check.value.lines)
            throw new Error(`order ${orderId} is in the ledger but its lines are not known any more`);
          lines = check.value.lines;
          refusal = null;
        } else refusable = true;
      }
      if (refusal || !lines) {
        // A refused order changes nothing, not even the key: the client may fix the cause
        // (e.g. stock arrives) and retry with the same key.
        throw orderProblem(refusal ?? { kind: "unknown-cart" }, input.customerId);
      }
      refusable = false;
      const res = await deps.orders.submit(
        claims.clientId,
        { ...input, orderId, lines },
        {
          requestId: ctx.requestId,
          idempotencyKey: key,
          ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
          answer: { status: 202, body },
        },
      );
      if (!res.ok) {
        // Refused at the ledger (the order id is another request's): nothing of ours is there.
        refusable = true;
        throw orderProblem(res.problem, input.customerId);
      }
      // The answer is stored for the key already, with the order's Kafka position.
      return json(body, { status: 202, headers: { ...headers, Location: statusUrl } });
    } catch (e) {
      // Given back only when nothing durable exists for it; otherwise the key keeps its order
      // id and this attempt's lease ends now, so the client's retry continues the same order at
      // once (the intake resumes an order it finds in the ledger under this key).
      await (refusable
        ? deps.idempotency.abandon(claims.clientId, key, lease)
        : deps.idempotency.release(claims.clientId, key, lease)
      ).catch((err: unknown) => {
        // The store that failed the request may fail this too: the lease then lapses on its own.
        // Info, not warn: the request's own failure is the one warning this outage causes.
        deps.logger.info(
          { "http.request.id": ctx.requestId, "error.message": String((err as Error)?.message ?? err) },
          "storefront API could not settle an Idempotency-Key; its lease lapses on its own",
        );
      });
      throw e;
    }
  });
  add("GET", "/orders/{orderId}", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "orders:read");
    // Another client's order is indistinguishable from a missing one (no IDOR oracle).
    const orderId = pathId(ctx, "orderId", orderIdSchema);
    const order = orderId === null ? null : await deps.orders.get(claims.clientId, orderId);
    if (!order) throw notFound("This order");
    return json(order, { headers: { ...headers, "Cache-Control": "no-store" } });
  });
  add("POST", "/orders/{orderId}/cancellation", async (ctx) => {
    const { claims, headers } = await authenticate(ctx, "orders:write");
    const { reason } = validate(cancelOrderSchema, await readJson(ctx.req));
    const orderId = pathId(ctx, "orderId", orderIdSchema);
    if (orderId === null) throw notFound("This order");
    const r = await deps.orders.requestCancellation(claims.clientId, orderId, reason, {
      requestId: ctx.requestId,
      ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
    });
    if (r === "not-found") throw notFound("This order");
    if (r === "too-late")
      throw new ProblemError(
        409,
        ProblemTypes.conflict,
        "Too late to cancel",
        "The order has already shipped or was cancelled.",
      );
    return json(
      { orderId, status: "CANCELLATION_REQUESTED" },
      {
        status: 202,
        headers: { ...headers, Location: `${deps.basePath}/orders/${encodeURIComponent(orderId)}` },
      },
    );
  });

  return async (req, meta = {}) => {
    const url = new URL(req.url);
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const path = url.pathname.startsWith(deps.basePath)
      ? url.pathname.slice(deps.basePath.length) || "/"
      : url.pathname;
    const base = { "X-Request-Id": requestId };
    let matchedPath = false;
    try {
      for (const r of routes) {
        const m = r.pattern.exec(path);
        if (!m) continue;
        matchedPath = true;
        if (r.method !== req.method) continue;
        // Path parameters are percent-decoded here, once; a segment that is not valid
        // percent-encoding cannot name anything that exists.
        const params: Record<string, string> = {};
        for (const [i, k] of r.keys.entries()) {
          try {
            params[k] = decodeURIComponent(m[i + 1] ?? "");
          } catch {
            throw notFound("The resource this path names");
          }
        }
        // Continue the caller's W3C trace, or start one: the trace id then rides along on the
        // Kafka record, the jobs, the SAP calls and the webhooks this request causes. With
        // tracing on, this request is a server span and the next hops hang under it.
        const incoming = req.headers.get("traceparent");
        const route = r;
        return await inSpan(
          `${req.method} ${deps.basePath}${route.path}`,
          {
            kind: SpanKind.SERVER,
            parent: incoming ?? undefined,
            attributes: { "http.request.method": req.method, "http.route": `${deps.basePath}${route.path}` },
          },
          async (span) => {
            const { traceId, traceparent } = continueOrStartTrace(activeTraceparent() ?? incoming);
            const res = await withLogContext({ requestId, traceId }, () =>
              route.handler({ req, url, params, requestId, ip: meta.ip ?? "unknown", traceparent }),
            );
            span?.setAttribute("http.response.status_code", res.status);
            res.headers.set("X-Request-Id", requestId);
            res.headers.set("traceresponse", traceparent);
            return res;
          },
        );
      }
      if (matchedPath)
        throw new ProblemError(
          405,
          ProblemTypes.notFound,
          "Method not allowed",
          `${req.method} is not supported here.`,
        );
      throw notFound(`The resource ${path}`);
    } catch (e) {
      if (e instanceof ProblemError)
        return problemResponse(e.toProblem(url.pathname), { ...base, ...e.headers });
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
        const p = dependencyUnavailable(dependency);
        return problemResponse(p.toProblem(url.pathname), { ...base, ...p.headers });
      }
      deps.logger.error(
        { err: e, "http.request.id": requestId, "url.path": url.pathname },
        "storefront API request failed",
      );
      return problemResponse(
        {
          type: "https://errors.icp.example.com/storefront/internal",
          title: "Internal error",
          status: 500,
          detail: `Something went wrong on our side. Quote request id ${requestId}.`,
        },
        base,
      );
    }
  };
}
