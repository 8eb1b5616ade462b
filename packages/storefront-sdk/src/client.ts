import createClient, { type Client } from "openapi-fetch";
import { problemOf, UnexpectedResponseError } from "./errors";
import type { components, paths } from "./generated/schema";
import { Transport, type TransportOptions } from "./transport";

type Schemas = components["schemas"];
export type Product = Schemas["Product"];
export type ProductPage = Schemas["ProductPage"];
export type StockLevel = Schemas["StockLevel"];
export type Cart = Schemas["Cart"];
export type Customer = Schemas["Customer"];
export type OrderAccepted = Schemas["OrderAccepted"];
export type OrderStatus = Schemas["OrderStatus"];
export type OrderState = OrderStatus["status"];
export type PriceQuote = Schemas["PriceQuote"];
export type CancellationAccepted = Schemas["CancellationAccepted"];
export type ListProductsQuery = NonNullable<paths["/products"]["get"]["parameters"]["query"]>;
export type CartInput = paths["/carts"]["post"]["requestBody"]["content"]["application/json"];
export type OrderInput = paths["/orders"]["post"]["requestBody"]["content"]["application/json"];

export type StorefrontClientOptions = TransportOptions;

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a 2xx answer; a problem (or anything else) thrown as a typed error. */
function unwrap<T>({ data, error, response }: Answer<T>): T {
  if (response.ok && data !== undefined) return data;
  throw (
    problemOf(error, response) ??
    new UnexpectedResponseError(
      response.status,
      typeof error === "string" ? error : JSON.stringify(error ?? ""),
    )
  );
}

/**
 * The storefront API client. `api` is the generated, fully typed client (openapi-fetch over the
 * document's paths) for anything; the methods below are the common calls, answering the data
 * or throwing a ProblemError.
 */
export class StorefrontClient {
  readonly api: Client<paths>;
  readonly transport: Transport;

  constructor(opts: StorefrontClientOptions) {
    this.transport = new Transport(opts);
    this.api = createClient<paths>({ baseUrl: opts.baseUrl, fetch: this.transport.fetch });
  }

  /** One page of products; follow `nextCursor` (or use `allProducts`). */
  async listProducts(query: ListProductsQuery = {}): Promise<ProductPage> {
    return unwrap(await this.api.GET("/products", { params: { query } }));
  }

  /** Every product matching `query`, page after page. */
  async *allProducts(query: Omit<ListProductsQuery, "cursor" | "page"> = {}): AsyncIterable<Product> {
    let cursor: string | undefined;
    do {
      const page = await this.listProducts({ pageSize: 100, ...query, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async getProduct(sku: string): Promise<Product> {
    return unwrap(await this.api.GET("/products/{sku}", { params: { path: { sku } } }));
  }

  /** Stock of the given products (their available quantity over all plants). */
  async getStock(skus: string[]): Promise<StockLevel[]> {
    const r = unwrap(await this.api.GET("/stock", { params: { query: { skus: skus.join(",") } } }));
    return r.items;
  }

  async getCustomer(customerId: string): Promise<Customer> {
    return unwrap(await this.api.GET("/customers/{customerId}", { params: { path: { customerId } } }));
  }

  async createCart(input: CartInput): Promise<Cart> {
    return unwrap(await this.api.POST("/carts", { body: input }));
  }

  async getCart(cartId: string): Promise<Cart> {
    return unwrap(await this.api.GET("/carts/{cartId}", { params: { path: { cartId } } }));
  }

  async setCartLine(cartId: string, sku: string, quantity: number): Promise<Cart> {
    return unwrap(
      await this.api.PUT("/carts/{cartId}/lines/{sku}", {
        params: { path: { cartId, sku } },
        body: { quantity },
      }),
    );
  }

  async removeCartLine(cartId: string, sku: string): Promise<Cart> {
    return unwrap(
      await this.api.DELETE("/carts/{cartId}/lines/{sku}", { params: { path: { cartId, sku } } }),
    );
  }

  /**
   * Submits an order. The Idempotency-Key is generated when you pass none and is the same on
   * every retry the SDK makes; pass your own (kept with the checkout, e.g. in a hidden form
   * field) to make a resubmitted form continue the same order instead of placing a second.
   */
  async placeOrder(input: OrderInput, opts: { idempotencyKey?: string } = {}): Promise<OrderAccepted> {
    return unwrap(
      await this.api.POST("/orders", {
        params: { header: { "Idempotency-Key": opts.idempotencyKey ?? crypto.randomUUID() } },
        body: input,
      }),
    );
  }

  async getOrder(orderId: string): Promise<OrderStatus> {
    return unwrap(await this.api.GET("/orders/{orderId}", { params: { path: { orderId } } }));
  }

  async cancelOrder(orderId: string, reason: string): Promise<CancellationAccepted> {
    return unwrap(
      await this.api.POST("/orders/{orderId}/cancellation", {
        params: { path: { orderId } },
        body: { reason },
      }),
    );
  }
}

export function createStorefrontClient(opts: StorefrontClientOptions): StorefrontClient {
  return new StorefrontClient(opts);
}
