import {
  type API_SALES_ORDER_SRV,
  API_SALES_ORDER_SRV_MODEL,
  f,
  fromWire,
  keyPredicate,
  toWire,
  unwrapCollection,
  unwrapEntity,
} from "@icp/sap-odata";
import { SapError } from "./errors";
import type { SapTransport } from "./transport";

export type SalesOrder = API_SALES_ORDER_SRV.A_SalesOrderType;
export type SalesOrderItem = API_SALES_ORDER_SRV.A_SalesOrderItemType;
export type SalesOrderCreate = Omit<Partial<SalesOrder>, "to_Item" | "to_Partner"> & {
  to_Item: Partial<SalesOrderItem>[];
  to_Partner?: Partial<API_SALES_ORDER_SRV.A_SalesOrderHeaderPartnerType>[];
};

const S = "API_SALES_ORDER_SRV";
const M = API_SALES_ORDER_SRV_MODEL;
/** What a reconciler needs to tell two bookings of one reference apart and pick the orphan. */
const FOUND_BY_REFERENCE = [
  "SalesOrder",
  "SalesOrderType",
  "PurchaseOrderByCustomer",
  "SoldToParty",
  "CreationDate",
  "LastChangeDateTime",
  "TotalNetAmount",
  "TransactionCurrency",
  "OverallSDProcessStatus",
  "OverallDeliveryStatus",
  "OverallSDDocumentRejectionSts",
].join(",");

const numeric = (salesOrder: string) => salesOrder.padStart(10, "0");
function oldestFirst(a: SalesOrder, b: SalesOrder): number {
  const day = (a.CreationDate?.getTime() ?? 0) - (b.CreationDate?.getTime() ?? 0);
  if (day !== 0) return day;
  const x = numeric(a.SalesOrder);
  const y = numeric(b.SalesOrder);
  return x < y ? -1 : x > y ? 1 : 0;
}

function etagOf(entity: Record<string, unknown>, headers?: Headers): string | undefined {
  return headers?.get("etag") ?? ((entity.__metadata as { etag?: string } | undefined)?.etag || undefined);
}

export class SalesOrders {
  constructor(private readonly t: SapTransport) {}

  async create(order: SalesOrderCreate): Promise<SalesOrder> {
    const res = await this.t.request({
      service: S,
      method: "POST",
      path: "A_SalesOrder",
      body: toWire(M, "A_SalesOrderType", order),
    });
    return fromWire<SalesOrder>(M, "A_SalesOrderType", unwrapEntity(res.json()));
  }

  async get(salesOrder: string, opts: { expandItems?: boolean } = {}): Promise<SalesOrder | null> {
    try {
      const res = await this.t.request({
        service: S,
        method: "GET",
        path: `A_SalesOrder${keyPredicate(M.entityTypes.A_SalesOrderType!, { SalesOrder: salesOrder })}`,
        query: opts.expandItems ? { $expand: "to_Item" } : {},
      });
      return fromWire<SalesOrder>(M, "A_SalesOrderType", unwrapEntity(res.json()));
    } catch (e) {
      if (e instanceof SapError && e.code === "SAP_NOT_FOUND") return null;
      throw e;
    }
  }

  /**
   * Every sales order carrying this customer reference (the storefront order id), oldest first
   * (CreationDate, then number), up to `top`: more than one means one storefront order was
   * booked twice, and the first is the one to keep.
   */
  async findByPurchaseOrderByCustomer(reference: string, opts: { top?: number } = {}): Promise<SalesOrder[]> {
    const res = await this.t.request({
      service: S,
      method: "GET",
      path: "A_SalesOrder",
      query: {
        $filter: f.eq("PurchaseOrderByCustomer", reference).expr,
        $select: FOUND_BY_REFERENCE,
        $orderby: "CreationDate,SalesOrder",
        $top: String(opts.top ?? 20),
      },
    });
    const found = unwrapCollection(res.json()).results.map((r) =>
      fromWire<SalesOrder>(M, "A_SalesOrderType", r),
    );
    // SAP sorts the number in its internal, zero-padded form (numerically); a server that sorts
    // the unpadded string would put 10 before 9, so sort again here
    return found.sort(oldestFirst);
  }

  async listChangedSince(
    since: Date,
    page: { top: number; skip: number },
  ): Promise<{ items: SalesOrder[]; total: number }> {
    const res = await this.t.request({
      service: S,
      method: "GET",
      path: "A_SalesOrder",
      query: {
        $filter: f.gt("LastChangeDateTime", since).expr,
        $orderby: "LastChangeDateTime,SalesOrder",
        $top: String(page.top),
        $skip: String(page.skip),
        $inlinecount: "allpages",
      },
    });
    const c = unwrapCollection(res.json());
    return {
      items: c.results.map((r) => fromWire<SalesOrder>(M, "A_SalesOrderType", r)),
      total: c.count ?? c.results.length,
    };
  }

  /**
   * Cancel by rejecting every open item with a rejection reason, as SD does: each item is
   * updated with its own ETag (If-Match), so a concurrent change in SAP fails instead of
   * being overwritten.
   */
  async rejectItems(salesOrder: string, reason: string): Promise<number> {
    const so = await this.get(salesOrder, { expandItems: true });
    if (!so)
      throw new SapError({
        code: "SAP_NOT_FOUND",
        message: `sales order ${salesOrder} does not exist`,
        retryable: false,
        httpStatus: 404,
      });
    let changed = 0;
    for (const item of so.to_Item ?? []) {
      if (item.SalesDocumentRjcnReason) continue;
      await this.updateItem(salesOrder, item.SalesOrderItem, { SalesDocumentRjcnReason: reason });
      changed++;
    }
    return changed;
  }

  /** Reject one item (a modification to quantity 0); the order's other items stay open. */
  async rejectItem(salesOrder: string, item: string, reason: string): Promise<void> {
    await this.updateItem(salesOrder, item, { SalesDocumentRjcnReason: reason });
  }

  async changeItemQuantity(salesOrder: string, item: string, quantity: string): Promise<void> {
    await this.updateItem(salesOrder, item, { RequestedQuantity: quantity });
  }

  private async updateItem(salesOrder: string, item: string, patch: Partial<SalesOrderItem>): Promise<void> {
    const path = `A_SalesOrderItem${keyPredicate(M.entityTypes.A_SalesOrderItemType!, { SalesOrder: salesOrder, SalesOrderItem: item })}`;
    const current = await this.t.request({ service: S, method: "GET", path });
    const etag = etagOf(unwrapEntity(current.json()), current.headers);
    await this.t.request({
      service: S,
      method: "MERGE",
      path,
      body: toWire(M, "A_SalesOrderItemType", patch),
      headers: etag ? { "if-match": etag } : {},
      idempotent: true,
    });
  }
}

export interface CreateOnceResult {
  salesOrder: string;
  created: boolean;
  /**
   * SAP refused this create with its duplicate purchase-order check (V4/115): the order had
   * been booked already — by an earlier attempt whose answer was lost, or by another runner —
   * and `salesOrder` is that booking (the oldest with this reference).
   */
  refusedAsDuplicate?: boolean;
}

/**
 * One storefront order → at most one SAP sales order. SAP is asked first whether a sales order
 * already carries the storefront order id in PurchaseOrderByCustomer (a previous attempt may
 * have been committed although its answer was lost); only if none does is one created. If the
 * create itself ends ambiguously (timeout, dropped connection, 5xx), SAP is asked again before
 * anyone decides to retry. Where the sales document type checks the customer reference for
 * duplicates (V4/115 as an error), a create that comes second — a retry after a lost answer, a
 * runner that lost its claim — is refused by SAP itself and answered here with the booking it
 * collided with. Systems without that check rely on the caller's fence alone.
 */
export async function createSalesOrderOnce(
  orders: SalesOrders,
  order: SalesOrderCreate & { PurchaseOrderByCustomer: string },
  opts: {
    mayExist?: boolean;
    /**
     * Called right before the create is sent, after any lookup: the caller's fence (its claim
     * on the order still held). Throwing stops the create; nothing is sent.
     */
    beforeCreate?: () => Promise<void>;
  } = {},
): Promise<CreateOnceResult> {
  // The lookup costs a round trip (and a work process) per order; the caller may skip it when
  // its own durable records show no create was ever sent for this order. After an ambiguous
  // failure of this create the lookup below runs regardless.
  if (opts.mayExist ?? true) {
    const existing = await orders.findByPurchaseOrderByCustomer(order.PurchaseOrderByCustomer);
    if (existing[0]) return { salesOrder: existing[0].SalesOrder, created: false };
  }
  await opts.beforeCreate?.();
  try {
    const created = await orders.create(order);
    return { salesOrder: created.SalesOrder, created: true };
  } catch (e) {
    if (e instanceof SapError && e.code === "SAP_DUPLICATE_PURCHASE_ORDER") {
      const booked = await orders.findByPurchaseOrderByCustomer(order.PurchaseOrderByCustomer);
      // the check is per sold-to party: the booking it found is the one with ours
      const first = booked.find((o) => o.SoldToParty === order.SoldToParty) ?? booked[0];
      if (first) return { salesOrder: first.SalesOrder, created: false, refusedAsDuplicate: true };
      // SAP named a document the lookup cannot see (no read authorisation for it, or deleted
      // since): no booking to return, and creating again would be refused again
      throw e;
    }
    if (e instanceof SapError && e.ambiguous) {
      const after = await orders.findByPurchaseOrderByCustomer(order.PurchaseOrderByCustomer);
      if (after[0]) return { salesOrder: after[0].SalesOrder, created: true };
    }
    throw e;
  }
}
