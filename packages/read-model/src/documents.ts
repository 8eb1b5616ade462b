import type { PricingConditions, StorefrontStatus } from "@icp/domain";

/**
 * The storefront read model in MongoDB: what the Jamstack site reads (through the storefront
 * API) and what the worker keeps current from SAP. Every document written from SAP carries a
 * `version` (SAP's change time or event time, in ms); a write with an older version is ignored,
 * so state never goes backwards when events arrive out of order.
 */
export interface ProductDoc {
  _id: string; // SAP Product
  name: string;
  description: string;
  category: string | null;
  price: { amount: string; amountNum: number; currency: string; validFrom: Date | null } | null;
  /**
   * The PR00 records of our sales area the worker read with the price: list records, customers'
   * own records (table 305) and their scale lines, for price quotes (`priceFor`, @icp/domain).
   * Never in catalogue answers. Absent on documents written before it existed.
   */
  pricing?: PricingConditions | null;
  features: Record<string, string | number | boolean>;
  images: { url: string; alt: string }[];
  /** Lower-cased name + description (kept for readers; search uses `searchTokens`). */
  searchText: string;
  sapLastChange: Date | null;
  version: number;
  updatedAt: Date;
  // Written by the read model itself (catalogue.ts), never by its callers:
  /** Every prefix of every word of name and description: search is an index lookup. */
  searchTokens?: string[];
  /** The price as a top-level sort key (-1 without one). */
  priceKey?: number;
  /** Stock summed over plants, kept by `setStock`: lists filter and show it without a lookup. */
  available?: number;
  inStock?: boolean;
  stockUpdatedAt?: Date | null;
  /** SAP version of the newest stock level the summary was computed after (its write guard). */
  stockVersion?: number;
}

/**
 * Stock of one product in one plant. Kept apart from the product so two plants' updates never
 * race on one document; the storefront's "available" is the sum over plants.
 */
export interface StockDoc {
  _id: string; // `${sku}|${plant}`
  sku: string;
  plant: string;
  quantity: number;
  version: number;
  updatedAt: Date;
}

export interface CustomerDoc {
  _id: string; // SAP BusinessPartner / Customer
  name: string;
  addresses: {
    id: string;
    kind: string;
    name: string;
    street: string;
    postalCode: string;
    city: string;
    country: string;
  }[];
  paymentTerms: { code: string; description: string } | null;
  blocked: boolean;
  version: number;
  updatedAt: Date;
}

export interface CartDoc {
  _id: string;
  apiClientId: string;
  customerId: string;
  currency: string;
  lines: { sku: string; quantity: number }[];
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

/** The storefront's order status: the vocabulary and its moves are @icp/domain's order-lifecycle. */
export type StorefrontOrderStatus = StorefrontStatus;

export interface OrderDoc {
  _id: string; // storefront order id
  apiClientId: string;
  customerId: string;
  currency: string;
  lines: { sku: string; quantity: number }[];
  status: StorefrontOrderStatus;
  /** Version of the SAP state last applied (ms); older SAP events are ignored. */
  statusVersion: number;
  salesOrder: string | null;
  history: { status: StorefrontOrderStatus; at: Date; sapAt?: Date; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export const Collections = {
  products: "products",
  stock: "stock",
  customers: "customers",
  carts: "carts",
  orders: "orders",
  /** Content hashes of what was written from SAP, per bucket of ids (digests.ts). */
  digests: "digests",
} as const;
