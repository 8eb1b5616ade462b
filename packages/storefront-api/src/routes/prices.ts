import { dayOf, priceFor } from "@icp/domain";
import { json } from "../http";
import { problem } from "../problem";
import { priceQuerySchema, priceQuoteSchema } from "../schemas";
import { defineRoute } from "./route";

/**
 * A price quote from the condition records the worker read from SAP: per item the customer's
 * own record (SAP table 305) or else our sales area's list price, its quantity scale, per one
 * unit (docs/sap-fidelity.md §13). SAP prices the order itself; this is what the storefront
 * shows before it.
 */
export const quotePrices = defineRoute({
  method: "GET",
  path: "/prices",
  summary: "Price quote for products, quantities and a customer",
  description:
    "Prices each `sku:quantity` item for today: the customer's own SAP condition record (PR00, table 305) if they have a valid one, else our sales area's list price (table 304); then the record's quantity scale (the line with the highest scale quantity ≤ the quantity); per one unit (SAP's rate divided by its pricing unit). Records flagged for deletion or not valid today are ignored. SAP prices the actual order itself: this is the storefront's reading of the same records, not a binding offer. Answers `Cache-Control: no-store`.",
  access: { scope: "catalog:read" },
  request: { query: priceQuerySchema },
  responses: { 200: { description: "The price of each item", schema: priceQuoteSchema } },
  problems: ["unknown-customer", "unknown-product", "no-price"],
  async handler({ query, deps }) {
    // the customer first (one lookup), as for carts: a quote for nobody is refused
    if (query.customer !== undefined && !(await deps.customers.get(query.customer)))
      throw problem("unknown-customer", `There is no customer ${query.customer}.`);
    const pricing = await deps.catalog.pricing(query.items.map((i) => i.sku));
    const now = new Date();
    const items = query.items.map(({ sku, quantity }) => {
      const conditions = pricing.get(sku);
      if (conditions === undefined)
        throw problem("unknown-product", `There is no product ${sku}.`, { extra: { sku } });
      const quote = conditions ? priceFor(conditions, query.customer, quantity, now) : undefined;
      if (!quote) throw problem("no-price", `Product ${sku} has no price valid today.`, { extra: { sku } });
      const { unitPrice, lineAmount, currency, rule, scaleFrom, per } = quote;
      return { sku, quantity, unitPrice, lineAmount, currency, rule, scaleFrom, per };
    });
    return json(
      { customer: query.customer ?? null, date: dayOf(now), items },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
});
