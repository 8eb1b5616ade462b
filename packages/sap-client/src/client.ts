import { Attachments, Customers, Prices, Products, Stock } from "./master-data";
import { createSalesOrderOnce, type SalesOrderCreate, SalesOrders } from "./sales-orders";
import { type SapClientConfig, SapTransport } from "./transport";

export const DEFAULT_RESILIENCE = {
  timeoutMs: 15_000,
  maxConcurrency: 8,
  retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 },
  breaker: { failureThreshold: 5, openMs: 15_000, halfOpenMaxCalls: 1 },
} as const;

/**
 * The typed S/4HANA client: one SAP system, one logon. Create it once per process and
 * `close()` it on shutdown.
 */
export class SapClient {
  readonly transport: SapTransport;
  readonly salesOrders: SalesOrders;
  readonly products: Products;
  readonly prices: Prices;
  readonly stock: Stock;
  readonly customers: Customers;
  readonly attachments: Attachments;

  constructor(private readonly config: SapClientConfig) {
    this.transport = new SapTransport(config);
    this.salesOrders = new SalesOrders(this.transport);
    this.products = new Products(this.transport);
    this.prices = new Prices(this.transport);
    this.stock = new Stock(this.transport);
    this.customers = new Customers(this.transport);
    this.attachments = new Attachments(this.transport);
  }

  createSalesOrderOnce(
    order: SalesOrderCreate & { PurchaseOrderByCustomer: string },
    opts: Parameters<typeof createSalesOrderOnce>[2] = {},
  ) {
    return createSalesOrderOnce(this.salesOrders, order, {
      ...(this.config.commitWindowMs !== undefined ? { commitWindowMs: this.config.commitWindowMs } : {}),
      ...(this.config.sleep ? { sleep: this.config.sleep } : {}),
      ...opts,
    });
  }

  /** Reachability and latency of SAP, for health pages: a HEAD on the sales order service root. */
  async ping(): Promise<{ ok: boolean; ms: number; error?: string }> {
    const started = performance.now();
    try {
      await this.transport.request({ service: "API_SALES_ORDER_SRV", method: "HEAD", path: "" });
      return { ok: true, ms: Math.round(performance.now() - started) };
    } catch (e) {
      return { ok: false, ms: Math.round(performance.now() - started), error: (e as Error).message };
    }
  }

  get health() {
    return { breaker: this.transport.breaker.state, concurrency: this.transport.semaphore.stats };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
