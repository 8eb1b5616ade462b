import { json, withEtag } from "../http";
import { notFound } from "../problem";
import {
  productListQuerySchema,
  productPageSchema,
  productSchema,
  skuSchema,
  stockListSchema,
  stockQuerySchema,
} from "../schemas";
import { defineRoute } from "./route";

const notModified = { description: "Not modified (the If-None-Match ETag is current)" };

/**
 * Catalogue answers may be kept by the client (a Jamstack site's build or ISR server) but are
 * revalidated on every use: If-None-Match with the ETag costs a 304 without a body when nothing
 * changed, and a revalidation that a webhook triggered never reads a stale copy. If the API
 * cannot be reached, a kept copy may serve for a day (stale-if-error, RFC 5861). `private`: the
 * answers are to an authenticated client, not for shared caches.
 */
export const CATALOGUE_CACHE_CONTROL = "private, no-cache, stale-if-error=86400";

function cacheable(res: Response, headers: Record<string, string> = {}): Response {
  res.headers.set("Cache-Control", CATALOGUE_CACHE_CONTROL);
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const listProducts = defineRoute({
  method: "GET",
  path: "/products",
  summary: "List products",
  description:
    "Pages in a stable order (`sort`, then product id): follow `nextCursor` (also in a `Link: rel=next` header) until it is null. Filters, `inStock` included, apply before paging, so every page but the last is full. A cursor page has no `total`; the deprecated `page` parameter still answers offset pages with `page` and `total`. Answers carry an ETag (send it as If-None-Match: 304 when unchanged) and `Cache-Control: private, no-cache, stale-if-error=86400`.",
  access: { scope: "catalog:read" },
  request: { query: productListQuerySchema },
  responses: { 200: { description: "A page of products", schema: productPageSchema }, 304: notModified },
  problems: [],
  async handler({ req, url, query, deps }) {
    const { items, nextCursor = null, total } = await deps.catalog.list(query);
    const body = {
      items,
      pageSize: query.pageSize,
      nextCursor,
      ...(query.page !== undefined ? { page: query.page, total: total ?? 0 } : {}),
    };
    const next = new URL(url);
    next.searchParams.delete("page");
    if (nextCursor) next.searchParams.set("cursor", nextCursor);
    return cacheable(
      withEtag(req, body),
      nextCursor ? { Link: `<${next.pathname}${next.search}>; rel="next"` } : {},
    );
  },
});

export const getProduct = defineRoute({
  method: "GET",
  path: "/products/{sku}",
  summary: "One product",
  access: { scope: "catalog:read" },
  request: { params: { sku: { schema: skuSchema } } },
  responses: { 200: { description: "The product", schema: productSchema }, 304: notModified },
  problems: ["not-found"],
  async handler({ req, params, deps }) {
    const product = await deps.catalog.get(params.sku);
    if (!product) throw notFound(`Product ${params.sku}`);
    return cacheable(withEtag(req, product));
  },
});

export const getStock = defineRoute({
  method: "GET",
  path: "/stock",
  summary: "Stock for a list of products",
  access: { scope: "catalog:read" },
  request: { query: stockQuerySchema },
  responses: { 200: { description: "Stock per product", schema: stockListSchema } },
  problems: [],
  async handler({ query, deps }) {
    return json(
      { items: await deps.catalog.stock(query.skus) },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
});
