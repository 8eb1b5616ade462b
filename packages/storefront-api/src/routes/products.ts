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

export const listProducts = defineRoute({
  method: "GET",
  path: "/products",
  summary: "List products",
  access: { scope: "catalog:read" },
  request: { query: productListQuerySchema },
  responses: { 200: { description: "A page of products", schema: productPageSchema }, 304: notModified },
  problems: [],
  async handler({ req, query, deps }) {
    const { items, total } = await deps.catalog.list(query);
    return withEtag(req, { items, page: query.page, pageSize: query.pageSize, total });
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
    return withEtag(req, product);
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
