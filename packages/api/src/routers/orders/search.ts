import { type Db, Prisma } from "@icp/db";
import { sapExternalNumber } from "@icp/domain";
import { z } from "zod";
import { likeLiteral } from "../like";
import { COUNT_CAP, pagedCapped, pageInput, paging } from "../list";

/**
 * Orders by business key. One term is tried against every key an operator has in hand:
 * - the storefront order id (exact, or as a prefix) — SAP keeps it as the purchase order
 *   (PurchaseOrderByCustomer, @icp/domain sap-mapping), so a PO number is this key too;
 * - the SAP sales order (document number), exact, with or without its leading zeros;
 * - the customer, the storefront's id or SAP's business partner, exact;
 * - a SKU on one of the order's lines: `payload @> {"lines":[{"sku":term}]}` (the order as the
 *   storefront submitted it, kept on order_link.payload by @icp/orders' ledger).
 * Each branch has its index (unique storefront_order_id / sap_sales_order, customer_id,
 * sap_customer, the GIN jsonb_path_ops index on payload), so PostgreSQL answers with a bitmap OR.
 */

/** A business key: printable, no control characters; refused with a field error otherwise. */
export const businessKey = z
  .string()
  .trim()
  .min(1, "Type an order id, SAP document, customer, SKU or purchase order.")
  .max(100, "A business key is at most 100 characters.")
  .regex(/^[^\p{Cc}]*$/u, "A business key cannot contain control characters.");

export const ORDER_SORTS = ["createdAt", "storefrontOrderId", "sapSalesOrder", "state"] as const;
const SORT_COLUMNS: Record<(typeof ORDER_SORTS)[number], string> = {
  createdAt: "created_at",
  storefrontOrderId: "storefront_order_id",
  sapSalesOrder: "sap_sales_order",
  state: "state",
};

export const orderListInput = z.object({
  ...pageInput,
  q: businessKey.optional(),
  sort: z.enum(ORDER_SORTS).default("createdAt"),
});
export type OrderListInput = z.infer<typeof orderListInput>;

/** Which key a row matched on, for the results table. */
export type MatchedBy = "order" | "sapDocument" | "customer" | "sku" | null;

export interface OrderRow {
  id: string;
  storefrontOrderId: string;
  sapSalesOrder: string | null;
  customerId: string;
  sapCustomer: string | null;
  state: string;
  itemCount: number;
  totalGross: string | null;
  currency: string;
  createdAt: Date;
  matchedBy: MatchedBy;
}

/** Sort columns that can be NULL (sorted last both ways); the others use their plain index. */
const NULLABLE_SORTS = new Set<(typeof ORDER_SORTS)[number]>(["sapSalesOrder"]);

export function skuContainment(sku: string): string {
  return JSON.stringify({ lines: [{ sku }] });
}

export async function listOrders(db: Db, input: OrderListInput) {
  const q = input.q;
  // SAP's numbers as the ledger keeps them, in their external form: `0000000012`, pasted from
  // an IDoc, an event or a table export, finds sales order 12 (@icp/domain sap-keys).
  const sapQ = q ? sapExternalNumber(q) : q;
  const where = q
    ? Prisma.sql`WHERE storefront_order_id = ${q}
        OR storefront_order_id LIKE ${`${likeLiteral(q)}%`}
        OR sap_sales_order = ${sapQ}
        OR customer_id = ${q}
        OR sap_customer = ${sapQ}
        OR payload @> ${skuContainment(q)}::jsonb`
    : Prisma.empty;
  const matched = q
    ? Prisma.sql`CASE
        WHEN storefront_order_id = ${q} OR storefront_order_id LIKE ${`${likeLiteral(q)}%`} THEN 'order'
        WHEN sap_sales_order = ${sapQ} THEN 'sapDocument'
        WHEN customer_id = ${q} OR sap_customer = ${sapQ} THEN 'customer'
        ELSE 'sku' END`
    : Prisma.sql`NULL`;
  const dir = input.dir === "asc" ? Prisma.raw("ASC") : Prisma.raw("DESC");
  const column = Prisma.raw(`"${SORT_COLUMNS[input.sort]}"`);
  // NULLS LAST only where a column can be NULL: on a NOT NULL column it only stops PostgreSQL
  // from reading the column's index in order (a sort of every row instead).
  const nulls = NULLABLE_SORTS.has(input.sort) ? Prisma.raw("NULLS LAST") : Prisma.empty;
  const { skip, take } = paging(input);
  type Raw = Omit<OrderRow, "totalGross"> & { totalGross: Prisma.Decimal | null };
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Raw[]>`
    SELECT id, storefront_order_id AS "storefrontOrderId", sap_sales_order AS "sapSalesOrder",
           customer_id AS "customerId", sap_customer AS "sapCustomer", state::text AS state,
           item_count AS "itemCount", total_gross AS "totalGross", currency, created_at AS "createdAt",
           ${matched} AS "matchedBy"
      FROM order_link
      ${where}
     ORDER BY ${column} ${dir} ${nulls}, id ${dir}
     LIMIT ${take} OFFSET ${skip}`,
    db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM order_link ${where} LIMIT ${COUNT_CAP + 1}) capped`,
  ]);
  const out: OrderRow[] = rows.map(({ totalGross, ...r }) => ({
    ...r,
    totalGross: totalGross === null ? null : totalGross.toString(),
  }));
  return pagedCapped(out, Number(counted[0]?.n ?? 0), input);
}
