import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type BusinessEventMessage, type EventPublisher, InMemoryEventSink } from "./events/business-events";
import { parseCookies, SapSecurity } from "./http/auth";
import { FaultInjector, parseFaultConfig } from "./http/faults";
import { productImageSvg } from "./images";
import { loadServiceModel } from "./model/edmx-loader";
import type { ServiceModel } from "./model/model";
import { type BatchOperation, type BatchResult, parseBatch, serializeBatch } from "./odata/batch";
import { SapError, SapErrors, sapErrorBody } from "./odata/errors";
import { ODataHandler, type ODataRequest, type ODataResponse } from "./odata/handler";
import { type SalesDocumentTypeConfig, SalesOrders, SO } from "./orders/sales-orders";
import { type Clock, systemClock } from "./simulation/clock";
import {
  BusinessSimulation,
  defaultSimulationOptions,
  type SimulationOptions,
} from "./simulation/simulation";
import { SandboxStats } from "./stats";
import { SandboxStore } from "./store/store";

export const SERVICES = [
  "API_SALES_ORDER_SRV",
  "API_PRODUCT_SRV",
  "API_SLSPRICINGCONDITIONRECORD_SRV",
  "API_MATERIAL_STOCK_SRV",
  "API_BUSINESS_PARTNER",
  "API_CV_ATTACHMENT_SRV",
] as const;

const ODATA_PREFIX = "/sap/opu/odata/sap/";
const MODIFYING = new Set(["POST", "PUT", "PATCH", "MERGE", "DELETE"]);
const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  412: "Precondition Failed",
  428: "Precondition Required",
  500: "Internal Server Error",
};

export interface SandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
  products?: number;
  customers?: number;
  /** End of the seeded history (ms). Default 2026-01-01, so data is identical across days. */
  epoch?: number;
  /** First number of the sales order number range (default 1). */
  firstSalesOrder?: number;
  /** Folder with the six EDMX files. */
  specsDir?: string;
  username?: string;
  password?: string;
  oauthClientId?: string;
  oauthClientSecret?: string;
  adminToken?: string;
  systemId?: string;
  clients?: string[];
  /** Simulation tick; 0 disables the timer (tests call `simulation.tick()`). */
  tickMs?: number;
  simulation?: Partial<SimulationOptions>;
  /** The real clock; SAP's own runs `faults.clockSkewMs` ahead of it (see `sapClock`). */
  clock?: Clock;
  /** VOV8 settings per sales document type; default: OR refuses a repeated customer reference. */
  salesDocumentTypes?: Readonly<Record<string, SalesDocumentTypeConfig>>;
  publisher?: EventPublisher;
  pageSize?: number;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
}

export interface Sandbox {
  app: FastifyInstance;
  url: string;
  store: SandboxStore;
  simulation: BusinessSimulation;
  faults: FaultInjector;
  /** SAP's clock: the real one plus the skew set through the fault API. */
  sapClock: Clock;
  security: SapSecurity;
  stats: SandboxStats;
  /** Recent business events (kept whether or not a Kafka publisher is configured). */
  recentEvents: InMemoryEventSink;
  /** Resolves when every event emitted so far has been handed to the publisher. */
  flushEvents(): Promise<void>;
  close(): Promise<void>;
}

/** Where the EDMX files live: @icp/sap-odata vendors them (SAP_SPECS_DIR overrides in main). */
export function defaultSpecsDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../packages/sap-odata/specs");
}

export function loadModels(specsDir: string): {
  models: Map<string, ServiceModel>;
  xml: Map<string, Buffer>;
} {
  const models = new Map<string, ServiceModel>();
  const xml = new Map<string, Buffer>();
  for (const s of SERVICES) {
    const bytes = readFileSync(join(specsDir, `${s}.edmx`));
    xml.set(s, bytes);
    models.set(s, loadServiceModel(s, bytes.toString("utf8")));
  }
  return { models, xml };
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const realClock = options.clock ?? systemClock;
  const faults = new FaultInjector();
  // Everything SAP stamps (change times, creation dates, event times, the Date header) comes
  // from the application server's clock, which may drift from ours: skew it at runtime.
  const clock: Clock = { now: () => realClock.now() + faults.clockSkewMs() };
  const systemId = options.systemId ?? "S4H";
  const { models, xml } = loadModels(options.specsDir ?? defaultSpecsDir());
  let baseUrl = "";
  const store = new SandboxStore(models, {
    seed: options.seed ?? 20_240_601,
    products: options.products ?? 2000,
    customers: options.customers ?? 300,
    epoch: options.epoch ?? Date.UTC(2026, 0, 1),
    firstSalesOrder: options.firstSalesOrder ?? 1,
    imageUrl: (product) => `${baseUrl}/sandbox/images/${encodeURIComponent(product)}.svg`,
  });
  const stats = new SandboxStats();
  /** The last OData requests with their trace context, as SAP's trace tools would show them. */
  const requestLog: {
    at: string;
    method: string;
    service: string;
    path: string;
    status: number;
    traceparent: string | null;
  }[] = [];
  const recentEvents = new InMemoryEventSink(5_000);
  const publisher = options.publisher;
  let pending: Promise<void> = Promise.resolve();
  let closed = false;
  const app = Fastify({
    logger: options.logLevel === "silent" ? false : { level: options.logLevel ?? "info" },
    routerOptions: { maxParamLength: 8192 },
    bodyLimit: 16 * 1024 * 1024,
  });
  const emit = (messages: BusinessEventMessage[]) => {
    if (messages.length === 0) return;
    void recentEvents.publish(messages);
    stats.eventsPublished += messages.length;
    if (publisher) {
      // Like SAP's event middleware (Event Mesh queues), events are kept and re-sent until the
      // broker takes them, in order: a broker restart delays events, it does not lose them.
      pending = pending.then(async () => {
        for (let attempt = 1; ; attempt++) {
          try {
            await publisher.publish(messages);
            return;
          } catch (err) {
            stats.eventPublishFailures += messages.length;
            if (closed) return;
            app.log.warn({ err, attempt }, "business event publish failed; retrying");
            await new Promise((r) => setTimeout(r, Math.min(5_000, 200 * 2 ** Math.min(attempt, 5))));
          }
        }
      });
    }
  };
  const soModel = models.get(SO);
  if (!soModel) throw new Error("API_SALES_ORDER_SRV model missing");
  const orders = new SalesOrders(store, soModel, clock, { emit }, systemId, {
    ...(options.salesDocumentTypes ? { documentTypes: options.salesDocumentTypes } : {}),
    purchaseOrderCheckOverride: () => faults.get().purchaseOrderCheck,
  });
  const productImage = (product: string) => {
    const index = store.catalog.productIndex(product);
    return productImageSvg(
      store.catalog.seed,
      product,
      index === undefined ? product : store.catalog.product(index).name,
    );
  };
  const handler = new ODataHandler(store, models, orders, options.pageSize, productImage);
  const simulation = new BusinessSimulation(store, orders, clock, emit, systemId, {
    ...defaultSimulationOptions,
    ...options.simulation,
  });
  const security = new SapSecurity({
    username: options.username ?? "ICP_RFC_USER",
    password: options.password ?? "local-sandbox-password",
    oauthClientId: options.oauthClientId ?? "icp-sandbox-client",
    oauthClientSecret: options.oauthClientSecret ?? "local-sandbox-secret",
    systemId,
    clients: options.clients ?? ["100"],
    tokenTtlSeconds: 3600,
  });
  const adminToken = options.adminToken ?? "local-sandbox-admin";
  const hanging = new Set<() => void>();
  // requests admitted past the concurrency fault (rejected ones do not hold a slot)
  let admitted = 0;

  app.addHttpMethod("MERGE", { hasBody: true });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(SapErrors.badPayload("Malformed JSON in request body"), undefined);
    }
  });
  app.addContentTypeParser(["multipart/mixed", "text/plain"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  const sendSapError = (reply: FastifyReply, err: SapError, service: string) =>
    reply
      .code(err.status)
      .headers({
        "content-type": "application/json; charset=utf-8",
        dataserviceversion: "1.0",
        ...err.headers,
      })
      .send(JSON.stringify(sapErrorBody(err, service)));

  app.setErrorHandler((err, req, reply) => {
    const service = serviceOf(req.url);
    if (err instanceof SapError) return sendSapError(reply, err, service);
    const status =
      typeof (err as { statusCode?: unknown }).statusCode === "number"
        ? (err as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) req.log.error({ err }, "unexpected sandbox error");
    return sendSapError(
      reply,
      new SapError(
        status,
        status >= 500 ? "/IWBEP/CM_MGW_RT/000" : "/IWBEP/CM_MGW_RT/021",
        err instanceof Error ? err.message : "error",
      ),
      service,
    );
  });

  const toResponse = (reply: FastifyReply, res: ODataResponse, method: string) => {
    reply.code(res.status).headers({ dataserviceversion: "2.0", ...res.headers });
    if (res.status === 204 || method === "HEAD") return reply.send();
    if (res.text !== undefined) return reply.type(res.headers["content-type"] ?? "text/plain").send(res.text);
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(res.body));
  };

  const runOperation = (
    service: string,
    op: BatchOperation,
    serviceRoot: string,
    base: FastifyRequest,
  ): BatchResult => {
    const [path = "", qs = ""] = op.url.replace(serviceRoot, "").replace(/^\//, "").split("?", 2);
    try {
      let body: unknown;
      try {
        body = op.body ? JSON.parse(op.body) : undefined;
      } catch {
        throw SapErrors.badPayload("Malformed JSON in batch operation body");
      }
      const req: ODataRequest = {
        method: op.method,
        service,
        path: decodeURIComponent(path),
        query: Object.fromEntries(new URLSearchParams(qs)),
        headers: { ...(base.headers as Record<string, string>), ...op.headers },
        body,
        serviceRoot,
      };
      const res = handler.handle(req);
      const text = res.text ?? (res.body === undefined ? "" : JSON.stringify(res.body));
      const headers: Record<string, string> = { ...res.headers };
      if (text && !headers["content-type"]) headers["content-type"] = "application/json";
      if (res.status === 201) stats.ordersCreated++;
      return { status: res.status, statusText: STATUS_TEXT[res.status] ?? "", headers, body: text };
    } catch (err) {
      const e = err instanceof SapError ? err : new SapError(500, "/IWBEP/CM_MGW_RT/000", String(err));
      return {
        status: e.status,
        statusText: STATUS_TEXT[e.status] ?? "",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(sapErrorBody(e, service)),
      };
    }
  };

  app.route({
    method: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "MERGE"],
    url: `${ODATA_PREFIX}*`,
    handler: async (req, reply) => {
      const [pathPart = "", qs = ""] = req.url.split("?", 2);
      const rest = pathPart.slice(ODATA_PREFIX.length);
      const slash = rest.indexOf("/");
      const service = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
      const resourcePath = slash < 0 ? "" : decodeURIComponent(rest.slice(slash + 1));
      const query = Object.fromEntries(new URLSearchParams(qs));
      const method =
        req.method === "POST" && typeof req.headers["x-http-method"] === "string"
          ? req.headers["x-http-method"].toUpperCase()
          : req.method;
      stats.enter();
      let status = 0;
      let holdsSlot = false;
      try {
        // faults first: they stand for the network and gateway in front of SAP
        if (faults.applies({ service, method, path: resourcePath })) {
          const f = faults.get();
          if (f.maxConcurrency !== undefined && admitted >= f.maxConcurrency) {
            stats.fault("concurrency");
            status = 503;
            return sendSapError(
              reply,
              new SapError(503, "/IWFND/CM_BEC/026", "Too many concurrent requests; try again later", [], {
                "retry-after": "1",
              }),
              service,
            );
          }
          admitted++;
          stats.admitted(admitted);
          holdsSlot = true;
          const delay = faults.latency();
          if (delay > 0) await sleep(delay);
          const decision = faults.decide(MODIFYING.has(method));
          if (decision.kind !== "none") stats.fault(decision.kind);
          switch (decision.kind) {
            case "outage":
              status = 503;
              return reply
                .code(503)
                .type("text/html")
                .send(
                  "<html><body><h1>503 Service Unavailable</h1><p>SAP system is not available</p></body></html>",
                );
            case "error":
              status = decision.status;
              return sendSapError(
                reply,
                new SapError(decision.status, "/IWFND/CM_BEC/026", `Injected fault: HTTP ${decision.status}`),
                service,
              );
            case "rateLimited":
              status = 429;
              return sendSapError(
                reply,
                new SapError(429, "/IWFND/CM_BEC/026", "Rate limit exceeded", [], {
                  "retry-after": String(decision.retryAfterSeconds),
                }),
                service,
              );
            case "timeout": {
              reply.hijack();
              await new Promise<void>((done) => {
                hanging.add(done);
                req.raw.socket.once("close", () => done());
              });
              req.raw.socket.destroy();
              return;
            }
            case "lostResponse": {
              const res = await serve(req, reply, service, resourcePath, query, method, true);
              status = res ?? 0;
              reply.hijack();
              req.raw.socket.destroy();
              return;
            }
            default:
              break;
          }
        }
        status = (await serve(req, reply, service, resourcePath, query, method, false)) ?? 0;
        return reply;
      } finally {
        if (holdsSlot) admitted--;
        stats.leave();
        stats.record(service, status || reply.statusCode);
        requestLog.push({
          at: new Date(clock.now()).toISOString(),
          method,
          service,
          path: resourcePath,
          status: status || reply.statusCode,
          traceparent: typeof req.headers.traceparent === "string" ? req.headers.traceparent : null,
        });
        if (requestLog.length > 2_000) requestLog.splice(0, requestLog.length - 1_000);
      }
    },
  });

  /** Logon, CSRF and the OData request itself; when `silent` nothing is sent (response lost). */
  async function serve(
    req: FastifyRequest,
    reply: FastifyReply,
    service: string,
    resourcePath: string,
    query: Record<string, string>,
    method: string,
    silent: boolean,
  ): Promise<number | undefined> {
    const fail = (err: SapError) => {
      if (!silent) sendSapError(reply, err, service);
      return err.status;
    };
    const client = query["sap-client"] ?? "100";
    if (!security.options.clients.includes(client)) {
      if (!silent)
        reply
          .code(401)
          .header(
            "www-authenticate",
            `Basic realm="SAP NetWeaver Application Server [${systemId}/${client}]"`,
          )
          .type("text/plain")
          .send(`Logon failed: client ${client} is not available in this system`);
      return 401;
    }
    if (!security.authenticate(req.headers.authorization, realClock.now())) {
      if (!silent)
        reply
          .code(401)
          .header(
            "www-authenticate",
            `Basic realm="SAP NetWeaver Application Server [${systemId}/${client}]"`,
          )
          .type("text/html")
          .send(
            "<html><head><title>Logon Error Message</title></head><body>Anmeldung fehlgeschlagen / Logon failed</body></html>",
          );
      return 401;
    }
    const cookieName = security.sessionCookieName(client);
    const cookies = parseCookies(req.headers.cookie);
    const session = security.session(cookies[cookieName], client);
    if (session.created && !silent) {
      reply.header("set-cookie", [
        `${cookieName}=${encodeURIComponent(session.id)}; path=/; HttpOnly`,
        `sap-usercontext=sap-client=${client}; path=/`,
      ]);
    }
    const csrfHeader = req.headers["x-csrf-token"];
    if (
      (method === "GET" || method === "HEAD") &&
      typeof csrfHeader === "string" &&
      csrfHeader.toLowerCase() === "fetch"
    ) {
      reply.header("x-csrf-token", security.fetchCsrf(session.id));
    }
    if (
      MODIFYING.has(req.method) &&
      !security.csrfValid(
        session.created ? undefined : session.id,
        typeof csrfHeader === "string" ? csrfHeader : undefined,
      )
    ) {
      if (!silent)
        reply
          .code(403)
          .header("x-csrf-token", "Required")
          .type("text/plain")
          .send("CSRF token validation failed");
      return 403;
    }
    const serviceRoot = `${baseUrl}${ODATA_PREFIX}${service}/`;
    if (!models.has(service)) return fail(SapErrors.resourceNotFound(service));
    try {
      if (resourcePath === "" || resourcePath === "/") {
        const names = [...(models.get(service)?.entitySets.keys() ?? [])];
        if (!silent)
          toResponse(reply, { status: 200, headers: {}, body: { d: { EntitySets: names } } }, method);
        return 200;
      }
      if (resourcePath === "$metadata") {
        if (!silent)
          reply
            .code(200)
            .header("content-type", "application/xml")
            .header("dataserviceversion", "2.0")
            .send(xml.get(service));
        return 200;
      }
      if (resourcePath === "$batch") {
        if (req.method !== "POST") return fail(SapErrors.methodNotAllowed("$batch requires POST"));
        const parts = parseBatch(String(req.body ?? ""), req.headers["content-type"]);
        const results = parts.map((p) => {
          if (p.kind === "operation") return runOperation(service, p.op, serviceRoot, req);
          const out: BatchResult[] = [];
          for (const op of p.ops) {
            const r = runOperation(service, op, serviceRoot, req);
            if (r.status >= 400) return r; // a failed changeset answers with its error alone
            out.push(r);
          }
          return out;
        });
        const { body, contentType } = serializeBatch(results);
        if (!silent)
          reply.code(202).header("content-type", contentType).header("dataserviceversion", "2.0").send(body);
        return 202;
      }
      const res = handler.handle({
        method: req.method,
        service,
        path: resourcePath,
        query,
        headers: req.headers as Record<string, string | undefined>,
        body: req.body,
        serviceRoot,
      });
      if (res.status === 201) stats.ordersCreated++;
      if (!silent) toResponse(reply, res, method);
      return res.status;
    } catch (err) {
      if (err instanceof SapError) return fail(err);
      throw err;
    }
  }

  const isAdmin = (req: FastifyRequest) =>
    req.headers.authorization === `Bearer ${adminToken}` ||
    req.headers["x-sandbox-admin-token"] === adminToken;
  app.addHook("onRequest", async (req, reply) => {
    // SAP's ICM sends a Date header from the system's clock on every answer (Node would send
    // the real time): clients that take SAP's time from it see the skew like the data's stamps
    reply.header("date", new Date(clock.now()).toUTCString());
    if (req.url.startsWith("/sandbox/admin") && !isAdmin(req)) {
      return reply
        .code(401)
        .send({ error: "admin token required (Authorization: Bearer <SANDBOX_ADMIN_TOKEN>)" });
    }
  });
  app.get("/sandbox/admin/faults", async () => faults.get());
  app.put("/sandbox/admin/faults", async (req, reply) => {
    const parsed = parseFaultConfig(req.body);
    if (!parsed.ok) return reply.code(400).send({ error: "invalid fault config", problems: parsed.problems });
    faults.set(parsed.config);
    return faults.get();
  });
  app.delete("/sandbox/admin/faults", async () => {
    faults.clear();
    return faults.get();
  });
  app.post("/sandbox/admin/csrf/expire", async () => {
    security.expireCsrfTokens();
    return { expired: true };
  });
  app.get("/sandbox/admin/stats", async () => stats.toJSON());
  app.delete("/sandbox/admin/stats", async () => {
    stats.reset();
    return stats.toJSON();
  });
  app.get("/sandbox/admin/events", async () => recentEvents.messages.slice(-200));
  app.get("/sandbox/admin/requests", async (req) => {
    const traceId = (req.query as { traceId?: string }).traceId?.toLowerCase();
    return (traceId ? requestLog.filter((r) => r.traceparent?.split("-")[1] === traceId) : requestLog).slice(
      -200,
    );
  });
  app.post("/sandbox/admin/simulation/tick", async () => {
    simulation.tick();
    return { ticked: true };
  });
  app.post("/sandbox/admin/reset", async () => {
    store.reset();
    security.reset();
    faults.clear();
    stats.reset();
    recentEvents.messages.length = 0;
    requestLog.length = 0;
    return { reset: true };
  });

  app.post("/sandbox/oauth/token", async (req, reply) => {
    const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<
      string,
      string
    >;
    let id = body.client_id ?? "";
    let secret = body.client_secret ?? "";
    const auth = req.headers.authorization;
    if (auth?.startsWith("Basic ")) {
      const decoded = Buffer.from(auth.slice(6), "base64").toString("utf8");
      const i = decoded.indexOf(":");
      id = decodeURIComponent(decoded.slice(0, i));
      secret = decodeURIComponent(decoded.slice(i + 1));
    }
    if (body.grant_type !== "client_credentials")
      return reply.code(400).send({ error: "unsupported_grant_type" });
    const token = security.issueToken(id, secret, realClock.now());
    if (!token) return reply.code(401).send({ error: "invalid_client" });
    return reply.header("cache-control", "no-store").send(token);
  });

  app.get("/sandbox/images/:file", async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const product = file.replace(/\.svg$/, "");
    const index = store.catalog.productIndex(product);
    if (index === undefined) return reply.code(404).send();
    const spec = store.catalog.product(index);
    return reply
      .header("cache-control", "public, max-age=86400")
      .type("image/svg+xml")
      .send(productImageSvg(store.catalog.seed, product, spec.name));
  });
  app.get("/health", async () => ({ status: "ok" }));

  const address = await app.listen({ port: options.port ?? 4004, host: options.host ?? "127.0.0.1" });
  baseUrl = address.replace("[::1]", "127.0.0.1");
  if (options.tickMs && options.tickMs > 0) simulation.start(options.tickMs);

  return {
    app,
    url: baseUrl,
    store,
    simulation,
    faults,
    sapClock: clock,
    security,
    stats,
    recentEvents,
    flushEvents: () => pending,
    close: async () => {
      closed = true;
      simulation.stop();
      for (const done of hanging) done();
      await app.close();
      await pending;
      await publisher?.close();
    },
  };
}

function serviceOf(url: string): string {
  if (!url.startsWith(ODATA_PREFIX)) return "";
  return url.slice(ODATA_PREFIX.length).split(/[/?]/)[0] ?? "";
}
