import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type EventPublisher, InMemoryEventSink } from "./events/business-events";
import { EventRelay } from "./events/event-relay";
import { SapSecurity } from "./http/auth";
import { FaultInjector } from "./http/faults";
import { RequestLog } from "./http/request-log";
import { createHttpServer, type LogLevel, registerSapDateHeader } from "./http/server";
import type { ImageFormat } from "./images";
import { loadServiceModel } from "./model/edmx-loader";
import type { ServiceModel } from "./model/model";
import { ODataHandler } from "./odata/handler";
import { type SalesDocumentTypeConfig, SalesOrders, SO } from "./orders/sales-orders";
import { registerAdminRoutes } from "./routes/admin";
import { attachmentImage, registerImageRoutes } from "./routes/images";
import { registerOAuthRoutes } from "./routes/oauth";
import { registerODataGateway } from "./routes/odata-gateway";
import { ODataService } from "./routes/odata-service";
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
  /**
   * `public` (default): every attachment has a public `DocumentURL` (a content server or CDN in
   * front of it); `empty`: as for originals stored in S/4 itself, `DocumentURL` is empty and the
   * bytes are only at `$value`, behind SAP's logon.
   */
  documentUrls?: "public" | "empty";
  /**
   * The originals' media type: `svg` (default) or `png` (a raster photo, as most product images
   * in S/4 are; the worker's image cache refuses SVG, which can carry script).
   */
  imageFormat?: ImageFormat;
  logLevel?: LogLevel;
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

/**
 * The composition root: builds the SAP system (store, sales orders, simulation, security), the
 * gateway in front of it and the sandbox's own admin, OAuth and image routes, then listens.
 * Each route lives in src/routes/ with its own registration function.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const realClock = options.clock ?? systemClock;
  const faults = new FaultInjector();
  // Everything SAP stamps (change times, creation dates, event times, the Date header) comes
  // from the application server's clock, which may drift from ours: skew it at runtime.
  const sapClock: Clock = { now: () => realClock.now() + faults.clockSkewMs() };
  const systemId = options.systemId ?? "S4H";
  const { models, xml } = loadModels(options.specsDir ?? defaultSpecsDir());
  let baseUrl = "";
  const store = new SandboxStore(models, {
    seed: options.seed ?? 20_240_601,
    products: options.products ?? 2000,
    customers: options.customers ?? 300,
    epoch: options.epoch ?? Date.UTC(2026, 0, 1),
    firstSalesOrder: options.firstSalesOrder ?? 1,
    // attachments stored in S/4 itself have no DocumentURL: only `$value`, behind SAP's logon
    imageUrl: (product) =>
      options.documentUrls === "empty"
        ? ""
        : `${baseUrl}/sandbox/images/${encodeURIComponent(product)}.${options.imageFormat ?? "svg"}`,
    ...(options.imageFormat ? { imageFormat: options.imageFormat } : {}),
  });
  const stats = new SandboxStats();
  const requestLog = new RequestLog();
  const recentEvents = new InMemoryEventSink(5_000);
  const app = createHttpServer(options.logLevel);
  const events = new EventRelay(recentEvents, stats, app.log, options.publisher);
  const orders = createSalesOrders(options, { store, models, sapClock, events, systemId, faults, stats });
  const handler = new ODataHandler(store, models, orders, options.pageSize, (original) => {
    stats.mediaReads++;
    return attachmentImage(store, original);
  });
  const simulation = new BusinessSimulation(store, orders, sapClock, events.emit, systemId, {
    ...defaultSimulationOptions,
    ...options.simulation,
  });
  const security = createSecurity(options, systemId);
  const odata = new ODataService({
    models,
    xml,
    handler,
    security,
    stats,
    realClock,
    systemId,
    baseUrl: () => baseUrl,
  });

  const gateway = registerODataGateway(app, { odata, faults, stats, requestLog, sapClock });
  registerSapDateHeader(app, sapClock);
  const adminToken = options.adminToken ?? "local-sandbox-admin";
  registerAdminRoutes(app, {
    adminToken,
    store,
    security,
    faults,
    stats,
    simulation,
    recentEvents,
    requestLog,
  });
  registerOAuthRoutes(app, security, realClock);
  registerImageRoutes(app, store);
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
    sapClock,
    security,
    stats,
    recentEvents,
    flushEvents: () => events.flush(),
    close: async () => {
      events.stopRetrying();
      simulation.stop();
      gateway.releaseHungRequests();
      await app.close();
      await events.close();
    },
  };
}

function createSalesOrders(
  options: SandboxOptions,
  deps: {
    store: SandboxStore;
    models: Map<string, ServiceModel>;
    sapClock: Clock;
    events: EventRelay;
    systemId: string;
    faults: FaultInjector;
    stats: SandboxStats;
  },
): SalesOrders {
  const soModel = deps.models.get(SO);
  if (!soModel) throw new Error("API_SALES_ORDER_SRV model missing");
  return new SalesOrders(deps.store, soModel, deps.sapClock, { emit: deps.events.emit }, deps.systemId, {
    ...(options.salesDocumentTypes ? { documentTypes: options.salesDocumentTypes } : {}),
    purchaseOrderCheckOverride: () => deps.faults.get().purchaseOrderCheck,
    onDuplicateRefused: () => {
      deps.stats.duplicatePurchaseOrdersRefused++;
    },
  });
}

function createSecurity(options: SandboxOptions, systemId: string): SapSecurity {
  return new SapSecurity({
    username: options.username ?? "ICP_RFC_USER",
    password: options.password ?? "local-sandbox-password",
    oauthClientId: options.oauthClientId ?? "icp-sandbox-client",
    oauthClientSecret: options.oauthClientSecret ?? "local-sandbox-secret",
    systemId,
    clients: options.clients ?? ["100"],
    tokenTtlSeconds: 3600,
  });
}
