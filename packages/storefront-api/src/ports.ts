import type { PricingConditions } from "@icp/domain";
import type { NewIdempotencyKey } from "@icp/orders";
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
  /** The client made an authenticated request: the console's "last used" (best effort, throttled). */
  used?(clientId: string): void;
}

/** A page of the catalogue: `nextCursor` continues it (null: the last page); `total` only for offset pages. */
export interface ProductPage {
  items: Product[];
  nextCursor?: string | null;
  total?: number;
}

export interface Catalog {
  list(query: ProductListQuery): Promise<ProductPage>;
  get(sku: string): Promise<Product | null>;
  stock(skus: string[]): Promise<StockLevel[]>;
  /**
   * The PR00 records a quote is made from, per product that exists (absent: no such product;
   * null: a product without a price).
   */
  pricing(skus: string[]): Promise<Map<string, PricingConditions | null>>;
}

/** Product images the worker copied from SAP (originals without a public URL), by content hash. */
export interface ProductImages {
  get(id: string): Promise<{ bytes: Buffer; mediaType: string } | null>;
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

/**
 * What `begin` found for a key. Every state but `mismatch` names the order id the key is bound
 * to: a key is bound to one order id from its first request on, so every retry — however late,
 * whichever attempt takes over — continues the same order. `lease` identifies this attempt's
 * hold on the key, for `abandon` and `release`.
 */
export type IdempotencyBegin =
  /** The key is new (or had expired): it is bound to the order id passed to `begin`. */
  | { state: "new"; orderId: string; lease: Date }
  /**
   * An earlier attempt bound the key and ended without an answer (it failed, or its lease
   * lapsed): this attempt takes over that order id. The order may already be in the ledger.
   */
  | { state: "resumed"; orderId: string; lease: Date }
  | { state: "replay"; status: number; body: unknown }
  | { state: "mismatch" }
  /** Another attempt holds the key's lease right now. */
  | { state: "in-progress"; orderId: string | null };

/**
 * Stored answers keyed by (client, Idempotency-Key), so a retried POST gets the first answer.
 * An accepted order's answer is stored by `Orders.submit`, with its Kafka position; a first
 * attempt's key is inserted by `Orders.receive`, with its order, when the checks answered from
 * memory. `begin` serves every other request: a first attempt whose checks read the read model
 * (the key is taken while they read), a key seen before, and orders the checks refused or could
 * not check.
 */
export interface Idempotency {
  /**
   * A new key's row, held by this attempt for the store's lease: what `begin` inserts, and what
   * `Orders.receive` inserts with the order it binds.
   */
  newKey(key: string, requestHash: string): NewIdempotencyKey;
  /**
   * Take the key for a request whose body hashes to `requestHash`; `orderId` is the id to
   * bind a new key to (the client's own, or one minted for this request).
   */
  begin(clientId: string, key: string, requestHash: string, orderId: string): Promise<IdempotencyBegin>;
  /**
   * Give the key back: only for an order refused before anything durable happened (its ledger
   * row does not exist), so the client may fix the cause and retry with the same key. A no-op
   * once another attempt holds the key or it has an answer.
   */
  abandon(clientId: string, key: string, lease: Date): Promise<void>;
  /**
   * End this attempt's lease and keep the key's order id: after an error that may have left
   * the order half-done, the client's retry takes over at once and continues the same order.
   */
  release(clientId: string, key: string, lease: Date): Promise<void>;
}

export type OrderProblem =
  | CartProblem
  | { kind: "duplicate-order"; orderId: string }
  | { kind: "unknown-cart" }
  | { kind: "unknown-customer" };

/** An order's lines, once the customer, the catalog and the stock have accepted them. */
export type CheckResult =
  | { ok: true; lines: { sku: string; quantity: number }[] }
  /** `lines`: the lines it refused, when it got as far as knowing them (not for an unknown cart). */
  | { ok: false; problem: OrderProblem; lines?: { sku: string; quantity: number }[] };

/** An order with the id its key is bound to and the lines the checks accepted. */
export type CheckedOrder = SubmitOrder & { orderId: string; lines: { sku: string; quantity: number }[] };

export type SubmitResult = { ok: true; orderId: string } | { ok: false; problem: OrderProblem };

export interface Orders {
  /** Validate against the customer, catalog and stock (the cart's lines, if it names one). */
  check(clientId: string, order: SubmitOrder): Promise<CheckResult>;
  /**
   * A checked order under an Idempotency-Key this client may not have used: if the key is new,
   * it is bound to the order id (the row `Idempotency.newKey` built, as `begin` would) and the
   * order anchored in the ledger, in one round trip. `anchored`: both done, `submit` goes on from
   * the ledger (with `anchored: true` and the same `receivedAt`); `bound`: the key alone, the
   * order id being in the ledger already (`submit` decides on it, as for any new key); `taken`:
   * the key was there, nothing changed, and the request goes through `Idempotency.begin`.
   */
  receive(
    clientId: string,
    order: CheckedOrder,
    ctx: {
      requestId: string;
      /** The key's row if it is new (`Idempotency.newKey`). */
      newKey: NewIdempotencyKey;
      traceparent?: string;
      receivedAt: Date;
    },
  ): Promise<{ state: "anchored" | "bound"; lease: Date } | { state: "taken" }>;
  /**
   * Anchor a checked order in the ledger (unless `receive` did: `anchored`), publish it to Kafka
   * and record its receipt. `answer` is stored for the request's Idempotency-Key in the same
   * statement as the order's Kafka position: a stored 202 always has its order in Kafka.
   */
  submit(
    clientId: string,
    order: CheckedOrder,
    ctx: {
      requestId: string;
      idempotencyKey: string;
      traceparent?: string;
      /** When the request arrived: the order's submittedAt, the same in the ledger and on Kafka. */
      receivedAt: Date;
      /** `receive` anchored this order in the ledger under its own id already. */
      anchored?: boolean;
      answer: { status: number; body: unknown };
    },
  ): Promise<SubmitResult>;
  /**
   * Whether this order is in the ledger, received from this client under this key: an earlier
   * attempt anchored it, so it stands whatever the checks say now and the retry finishes it.
   */
  anchored(clientId: string, orderId: string, idempotencyKey: string): Promise<boolean>;
  get(clientId: string, orderId: string): Promise<OrderStatus | null>;
  requestCancellation(
    clientId: string,
    orderId: string,
    reason: string,
    ctx: { requestId: string; traceparent?: string },
  ): Promise<"requested" | "not-found" | "too-late">;
}
