import type { FastifyInstance, FastifyRequest } from "fastify";
import type { InMemoryEventSink } from "../events/business-events";
import type { SapSecurity } from "../http/auth";
import { type FaultInjector, parseFaultConfig } from "../http/faults";
import type { RequestLog } from "../http/request-log";
import type { BusinessSimulation } from "../simulation/simulation";
import type { SandboxStats } from "../stats";
import type { SandboxStore } from "../store/store";

export interface AdminDeps {
  adminToken: string;
  store: SandboxStore;
  security: SapSecurity;
  faults: FaultInjector;
  stats: SandboxStats;
  simulation: BusinessSimulation;
  recentEvents: InMemoryEventSink;
  requestLog: RequestLog;
}

/** /sandbox/admin/*: faults, CSRF expiry, stats, events, the request log, ticks and reset, behind the admin token. */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { faults, security, stats, simulation, recentEvents, requestLog, store } = deps;
  const isAdmin = (req: FastifyRequest) =>
    req.headers.authorization === `Bearer ${deps.adminToken}` ||
    req.headers["x-sandbox-admin-token"] === deps.adminToken;
  app.addHook("onRequest", async (req, reply) => {
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
  app.get("/sandbox/admin/requests", async (req) =>
    requestLog.recent((req.query as { traceId?: string }).traceId),
  );
  app.post("/sandbox/admin/simulation/tick", async () => {
    simulation.tick();
    return { ticked: true };
  });
  // A pricing clerk's change: the product's current list price (PR00) times `factor`.
  app.post("/sandbox/admin/prices/:product", async (req, reply) => {
    const { product } = req.params as { product: string };
    const factor = Number((req.body as { factor?: unknown } | null)?.factor);
    if (!Number.isFinite(factor) || factor <= 0 || factor > 10)
      return reply.code(400).send({ error: "factor must be a number in (0, 10]" });
    const changed = simulation.reprice(product, () => factor);
    if (!changed) return reply.code(404).send({ error: `no current PR00 record for product ${product}` });
    return { product, ...changed };
  });
  // A stock count correction of one material at one plant; `emit: false` loses its event.
  app.post("/sandbox/admin/stock/:product/:plant", async (req, reply) => {
    const { product, plant } = req.params as { product: string; plant: string };
    const body = (req.body ?? {}) as { quantity?: unknown; emit?: unknown };
    const quantity = Number(body.quantity);
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > 1_000_000)
      return reply.code(400).send({ error: "quantity must be a whole number in [0, 1000000]" });
    if (body.emit !== undefined && typeof body.emit !== "boolean")
      return reply.code(400).send({ error: "emit must be true or false" });
    const changed = simulation.setStock(product, plant, quantity, body.emit !== false);
    if (!changed) return reply.code(404).send({ error: `no product ${product} or no plant ${plant}` });
    return { product, plant, quantity, ...changed };
  });
  // A back-office step for one order (the simulation's tick moves orders by chance).
  app.post("/sandbox/admin/orders/:salesOrder/advance", async (req, reply) => {
    const { salesOrder } = req.params as { salesOrder: string };
    const order = simulation.advanceOrder(salesOrder);
    if (!order) return reply.code(404).send({ error: `no sales order ${salesOrder}` });
    const { OverallSDProcessStatus, OverallDeliveryStatus, OverallTotalDeliveryStatus } = order;
    return { salesOrder, OverallSDProcessStatus, OverallDeliveryStatus, OverallTotalDeliveryStatus };
  });
  app.post("/sandbox/admin/reset", async () => {
    store.reset();
    security.reset();
    faults.clear();
    stats.reset();
    recentEvents.messages.length = 0;
    requestLog.clear();
    return { reset: true };
  });
}
