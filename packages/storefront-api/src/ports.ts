import type { z } from "zod";
import type {
  cartSchema,
  customerSchema,
  orderStatusSchema,
  ProductListQuery,
  productSchema,
  SubmitOrder,
  stockLevelSchema,
} from "./schemas";
import type { Scope } from "./tokens";

export type Product = z.infer<typeof productSchema>;
export type StockLevel = z.infer<typeof stockLevelSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Cart = z.infer<typeof cartSchema>;
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export interface ApiClientRecord {
  clientId: string;
  name: string;
  secretHash: string;
  scopes: Scope[];
  /** Requests per minute for this client. */
  rateLimitPerMinute: number;
  revokedAt: Date | null;
}

export interface ApiClients {
  find(clientId: string): Promise<ApiClientRecord | null>;
}

export interface Catalog {
  list(query: ProductListQuery): Promise<{ items: Product[]; total: number }>;
  get(sku: string): Promise<Product | null>;
  stock(skus: string[]): Promise<StockLevel[]>;
}

export interface Customers {
  get(customerId: string): Promise<Customer | null>;
}

export type CartProblem =
  | { kind: "unknown-product"; sku: string }
  | { kind: "insufficient-stock"; sku: string; available: number };

export interface Carts {
  create(
    clientId: string,
    input: { customerId: string; currency: string; lines: { sku: string; quantity: number }[] },
  ): Promise<Cart | CartProblem>;
  get(clientId: string, cartId: string): Promise<Cart | null>;
  setLine(
    clientId: string,
    cartId: string,
    line: { sku: string; quantity: number },
  ): Promise<Cart | CartProblem | null>;
  removeLine(clientId: string, cartId: string, sku: string): Promise<Cart | null>;
}

export type IdempotencyBegin =
  | { state: "new" }
  | { state: "replay"; status: number; body: unknown }
  | { state: "mismatch" }
  | { state: "in-progress" };

/**
 * Stored answers keyed by (client, Idempotency-Key), so a retried POST gets the first answer.
 * An accepted order's answer is stored by `Orders.submit`, with its Kafka position.
 */
export interface Idempotency {
  begin(clientId: string, key: string, requestHash: string): Promise<IdempotencyBegin>;
  abandon(clientId: string, key: string): Promise<void>;
}

export type OrderProblem =
  | CartProblem
  | { kind: "duplicate-order"; orderId: string }
  | { kind: "unknown-cart" }
  | { kind: "unknown-customer" };

/** An order's lines, once the customer, the catalog and the stock have accepted them. */
export type CheckResult =
  | { ok: true; lines: { sku: string; quantity: number }[] }
  | { ok: false; problem: OrderProblem };

export type SubmitResult = { ok: true; orderId: string } | { ok: false; problem: OrderProblem };

export interface Orders {
  /** Validate against the customer, catalog and stock (the cart's lines, if it names one). */
  check(clientId: string, order: SubmitOrder): Promise<CheckResult>;
  /**
   * Anchor a checked order in the ledger, publish it to Kafka and record its receipt. `answer`
   * is stored for the request's Idempotency-Key in the same statement as the order's Kafka
   * position: a stored 202 always has its order in Kafka.
   */
  submit(
    clientId: string,
    order: SubmitOrder & { orderId: string; lines: { sku: string; quantity: number }[] },
    ctx: {
      requestId: string;
      idempotencyKey: string;
      traceparent?: string;
      answer: { status: number; body: unknown };
    },
  ): Promise<SubmitResult>;
  get(clientId: string, orderId: string): Promise<OrderStatus | null>;
  requestCancellation(
    clientId: string,
    orderId: string,
    reason: string,
    ctx: { requestId: string; traceparent?: string },
  ): Promise<"requested" | "not-found" | "too-late">;
}
