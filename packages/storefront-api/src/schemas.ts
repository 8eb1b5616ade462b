import { addressSchema, orderIdSchema, StorefrontStatuses } from "@icp/domain";
import { z } from "zod";
import { DEPENDENCIES } from "./dependencies";

/**
 * The storefront API's request and response schemas. They validate requests, type the
 * handlers and produce the OpenAPI document — one source of truth.
 */
/**
 * Free text from a client: no C0/C1 control characters (NUL above all). They have no business
 * in a search, an id or a note, and PostgreSQL (FerretDB's storage too) cannot hold a NUL: let
 * through, one turned a lookup into a 500.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f-\u009f]*$/;
export const plainText = (max: number) =>
  z.string().max(max).regex(NO_CONTROL_CHARS, "control characters are not allowed");

/** A customer id as the read model keys it (SAP business partner, up to 10 characters). */
export const customerIdSchema = plainText(10).min(1);
/** ISO 4217, as SAP expects it. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, "a currency code like EUR");
/** Cart ids are UUIDs made by the API; anything else names no cart. */
export const cartIdSchema = z.guid();

export const skuSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, "a product id of 1–40 characters")
  .meta({ example: "TG11" });
const quantity = z
  .number()
  .int("quantity must be a whole number")
  .positive("quantity must be at least 1")
  .max(10_000);

export const tokenRequestSchema = z.object({
  grant_type: z.literal("client_credentials", { error: "grant_type must be client_credentials" }),
  client_id: z.string().min(1).max(100).optional(),
  client_secret: z.string().min(1).max(200).optional(),
  scope: z.string().max(500).optional(),
});

export const productListQuerySchema = z
  .object({
    cursor: z
      .string()
      .max(512)
      .regex(/^[A-Za-z0-9_-]+$/, "a cursor as a page's nextCursor gave it")
      .optional()
      .meta({
        description:
          "The `nextCursor` of the previous page, with the same filters and sort: the page after it. Omitted: the first page.",
      }),
    page: z.coerce.number().int().min(1).max(10_000).optional().meta({
      deprecated: true,
      description:
        "Deprecated: offset paging. Still served, with `page` and `total` in the answer, but a far page costs the server every product before it; follow `nextCursor` instead. Not together with `cursor`.",
    }),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    q: plainText(100).trim().min(1).optional().meta({
      description:
        "Search: products with a word in name or description starting with each word of `q`, case-insensitive (`ham` finds Hammer; every word must match)",
    }),
    category: plainText(40).optional(),
    minPrice: z.coerce.number().nonnegative().optional(),
    maxPrice: z.coerce.number().nonnegative().optional(),
    inStock: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    sort: z.enum(["name", "price", "-price", "updated"]).default("name"),
  })
  .refine((q) => q.page === undefined || q.cursor === undefined, {
    message: "give cursor or page, not both",
    path: ["page"],
  });
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

export const stockQuerySchema = z.object({
  skus: z
    .string()
    .max(4000)
    .meta({ description: "Comma-separated product ids (max 200)" })
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(skuSchema).min(1, "give at least one sku").max(200, "at most 200 skus per request")),
});

export const priceSchema = z.object({
  amount: z.string().regex(/^\d+(\.\d{1,4})?$/),
  currency: z.string().length(3),
});

export const productSchema = z
  .object({
    id: skuSchema,
    name: z.string(),
    description: z.string(),
    price: priceSchema.nullable(),
    features: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    images: z.array(z.object({ url: z.string(), alt: z.string() })),
    stock: z.object({ available: z.number(), updatedAt: z.string().nullable() }),
    updatedAt: z.string(),
  })
  .meta({ id: "Product" });

export const productPageSchema = z
  .object({
    items: z.array(productSchema),
    pageSize: z.number(),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    page: z.number().optional().meta({ description: "Only for a (deprecated) `page` request." }),
    total: z.number().optional().meta({
      description:
        "Products matching the filters; only for a (deprecated) `page` request — a cursor page is not counted.",
    }),
  })
  .meta({ id: "ProductPage" });

export const stockLevelSchema = z
  .object({ sku: z.string(), available: z.number(), updatedAt: z.string().nullable() })
  .meta({ id: "StockLevel" });

export const stockListSchema = z.object({ items: z.array(stockLevelSchema) }).meta({ id: "StockList" });

/** `sku:quantity`: a product id (which has no colon) and a whole quantity of 1–10,000. */
const PRICE_ITEM = /^([A-Za-z0-9][A-Za-z0-9._/-]{0,39}):([1-9]\d{0,3}|10000)$/;

export const priceQuerySchema = z.object({
  items: z
    .string()
    .max(4000)
    .meta({
      description: "Comma-separated `sku:quantity` pairs (max 100), e.g. `TG11:3,TG12:20`; quantity 1–10000",
      example: "TG11:3,TG12:20",
    })
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .regex(PRICE_ITEM, "an item as sku:quantity, quantity 1–10000")
            .transform((x) => {
              const [, sku = "", qty = "0"] = PRICE_ITEM.exec(x) ?? [];
              return { sku, quantity: Number(qty) };
            }),
        )
        .min(1, "give at least one item")
        .max(100, "at most 100 items per request"),
    ),
  customer: customerIdSchema.optional().meta({
    description:
      "The customer (SAP sold-to party) to price for: their own condition records apply. Omitted: the list price.",
  }),
});

export const priceQuoteSchema = z
  .object({
    customer: z.string().nullable(),
    date: z.string().meta({ description: "The day the prices are valid on (YYYY-MM-DD, UTC)." }),
    items: z.array(
      z.object({
        sku: z.string(),
        quantity: z.number().int(),
        unitPrice: z
          .string()
          .regex(/^\d+\.\d{2,4}$/)
          .meta({ description: "Per one unit (up to 4 decimals)." }),
        lineAmount: z
          .string()
          .regex(/^\d+\.\d{2}$/)
          .meta({ description: "rate × quantity ÷ pricing unit, rounded half up to the cent." }),
        currency: z.string().length(3),
        rule: z.enum(["customer", "list"]).meta({
          description:
            "customer: the customer's own condition record (SAP table 305); list: our sales area's list price (table 304).",
        }),
        scaleFrom: z.number().nullable().meta({
          description:
            "The quantity scale line that applied (its lower bound); null: the record's base rate.",
        }),
        per: z
          .number()
          .int()
          .meta({ description: "SAP's pricing unit of the record (its rate is per this many)." }),
      }),
    ),
  })
  .meta({ id: "PriceQuote" });

export const customerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    addresses: z.array(addressSchema.extend({ id: z.string(), kind: z.string() })),
    paymentTerms: z.object({ code: z.string(), description: z.string() }).nullable(),
  })
  .meta({ id: "Customer" });

export const cartLineInputSchema = z.object({ sku: skuSchema, quantity });
export const createCartSchema = z
  .object({
    customerId: customerIdSchema,
    currency: currencySchema.default("EUR"),
    lines: z.array(cartLineInputSchema).max(200).default([]),
  })
  .strict();
export const cartSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    currency: z.string(),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number(), unitPrice: z.string().nullable() })),
    total: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Cart" });

export const submitOrderSchema = z
  .object({
    orderId: orderIdSchema
      // Ids of this shape are the API's own (an id another client already holds, scoped to
      // yours; see docs/security.md): not for clients to choose.
      .refine((id) => !/^ns_/i.test(id), { message: "order ids starting with ns_ are reserved" })
      .optional()
      .meta({
        description:
          "Your order id, unique among your orders (other clients' ids neither clash with nor reveal yours); generated if omitted. Must not start with ns_.",
      }),
    customerId: customerIdSchema,
    currency: currencySchema.default("EUR"),
    cartId: plainText(64).min(1).optional(),
    lines: z.array(cartLineInputSchema).min(1).max(500).optional(),
    shipTo: addressSchema
      .refine((a) => Object.values(a).every((v) => NO_CONTROL_CHARS.test(v)), {
        message: "control characters are not allowed",
      })
      .optional(),
    requestedDeliveryDate: z.iso.date().optional(),
  })
  .strict()
  .refine((o) => Boolean(o.cartId) !== Boolean(o.lines), {
    message: "give either cartId or lines, not both",
    path: ["lines"],
  });
export type SubmitOrder = z.infer<typeof submitOrderSchema>;

export const orderAcceptedSchema = z
  .object({ orderId: z.string(), status: z.literal("RECEIVED"), statusUrl: z.string() })
  .meta({ id: "OrderAccepted" });

/** The storefront's order status vocabulary: @icp/domain's order-lifecycle owns it. */
export const ORDER_STATUSES = StorefrontStatuses;
export const orderStatusSchema = z
  .object({
    orderId: z.string(),
    status: z.enum(ORDER_STATUSES),
    salesOrder: z.string().nullable(),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
    history: z.array(
      z.object({ status: z.enum(ORDER_STATUSES), at: z.string(), note: z.string().optional() }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "OrderStatus" });

export const cancelOrderSchema = z.object({ reason: plainText(200).trim().min(1) }).strict();
export const cancellationAcceptedSchema = z
  .object({ orderId: z.string(), status: z.literal("CANCELLATION_REQUESTED") })
  .meta({ id: "CancellationAccepted" });

export const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number(),
    scope: z.string(),
  })
  .meta({ id: "AccessToken" });
/** An OAuth2 error (RFC 6749 §5.2): the token endpoint's answer to bad credentials or scopes. */
export const oauthErrorSchema = z
  .object({ error: z.enum(["invalid_client", "invalid_scope"]), error_description: z.string() })
  .meta({ id: "OAuthError" });
export const jwksSchema = z
  .object({ keys: z.array(z.looseObject({ kid: z.string().optional(), kty: z.string() })) })
  .meta({ id: "JWKS" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    /** 503: which store is down or not answering. */
    dependency: z.enum(DEPENDENCIES).optional(),
    /** 409 while a request with the same Idempotency-Key is in progress: the order it is bound to. */
    orderId: z.string().optional(),
    /** 422 unknown-product, insufficient-stock, no-price: the product the refusal is about. */
    sku: z.string().optional(),
    /** 422 insufficient-stock: how much of it there is. */
    available: z.number().optional(),
  })
  .meta({ id: "Problem" });
