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
import { blocksOf, parseSapMessages, type SapBlock, type SapMessage } from "./sap-message";
import type { SapRequest, SapTransport } from "./transport";

export type SalesOrder = API_SALES_ORDER_SRV.A_SalesOrderType;
export type SalesOrderItem = API_SALES_ORDER_SRV.A_SalesOrderItemType;
export type SalesOrderCreate = Omit<Partial<SalesOrder>, "to_Item" | "to_Partner"> & {
  to_Item: Partial<SalesOrderItem>[];
  /** Partners; `to_Address` gives one its own address on this document (a deviating ship-to). */
  to_Partner?: (Omit<Partial<API_SALES_ORDER_SRV.A_SalesOrderHeaderPartnerType>, "to_Address"> & {
    to_Address?: Partial<API_SALES_ORDER_SRV.A_SalesOrderPartnerAddressType>[];
  })[];
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
    return (await this.createWithMessages(order)).order;
  }

  /** Create, and read the warnings SAP saved the document with (its `sap-message` header). */
  async createWithMessages(
    order: SalesOrderCreate,
    opts: { beforeSend?: SapRequest["beforeSend"] } = {},
  ): Promise<{ order: SalesOrder; messages: SapMessage[] }> {
    const res = await this.t.request({
      service: S,
      method: "POST",
      path: "A_SalesOrder",
      body: toWire(M, "A_SalesOrderType", order),
      ...(opts.beforeSend ? { beforeSend: opts.beforeSend } : {}),
    });
    return {
      order: fromWire<SalesOrder>(M, "A_SalesOrderType", unwrapEntity(res.json())),
      messages: parseSapMessages(res.headers.get("sap-message")),
    };
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

/**
 * How long after a create was sent SAP may still commit it although the caller gave up: the
 * longest a dialog work process runs a request (ICM's PROCTIMEOUT default 60 s; the work
 * process may go on after the connection is gone). Set it to the landscape's own limit.
 */
export const DEFAULT_COMMIT_WINDOW_MS = 60_000;

export interface CreateOnceResult {
  salesOrder: string;
  created: boolean;
  /**
   * SAP refused this create with its duplicate purchase-order check (V4/115): the order had
   * been booked already — by an earlier attempt whose answer was lost, or by another runner —
   * and `salesOrder` is that booking (the oldest with this reference).
   */
  refusedAsDuplicate?: boolean;
  /**
   * The messages SAP saved the document with (`sap-message`: warnings, info), leading one
   * first; empty when there were none or the order was not created by this call.
   */
  messages: SapMessage[];
  /**
   * The business blocks the new document carries: `creditBlock` (TotalCreditCheckStatus B),
   * `deliveryBlock` (DeliveryBlockReason), `billingBlock` (HeaderBillingBlockReason),
   * `incomplete` (from the messages). The order exists in SAP but will not ship as is.
   */
  blocks: SapBlock[];
}

/**
 * One storefront order → at most one SAP sales order. SAP is asked first whether a sales order
 * already carries the storefront order id in PurchaseOrderByCustomer (a previous attempt may
 * have been committed although its answer was lost); only if none does is one created. If the
 * create itself ends ambiguously (timeout, dropped connection, 5xx), SAP is asked again at once
 * and — if it shows nothing yet — once more when SAP's longest commit window since the create
 * was sent has passed (`commitWindowMs`): a work process may commit the document after the
 * caller gave up, and a retry before then would book it twice. Where the sales document type
 * checks the customer reference for duplicates (V4/115 as an error), a create that comes
 * second — a retry after a lost answer, a runner that lost its claim — is refused by SAP itself
 * and answered here with the booking it collided with. Systems without that check rely on the
 * caller's fence and this wait.
 */
export async function createSalesOrderOnce(
  orders: SalesOrders,
  order: SalesOrderCreate & { PurchaseOrderByCustomer: string },
  opts: {
    mayExist?: boolean;
    /**
     * Called right before the create is sent — after any lookup, once SAP's concurrency slot is
     * held: the caller's fence (its claim on the order still held). Throwing stops the create;
     * nothing is sent. The synchronous check it may answer runs with no await before the write
     * (SapRequest.beforeSend).
     */
    beforeCreate?: SapRequest["beforeSend"];
    /** SAP's longest commit window (default DEFAULT_COMMIT_WINDOW_MS). */
    commitWindowMs?: number;
    /** For tests: how to wait. */
    sleep?: (ms: number) => Promise<void>;
  } = {},
): Promise<CreateOnceResult> {
  // The lookup costs a round trip (and a work process) per order; the caller may skip it when
  // its own durable records show no create was ever sent for this order. After an ambiguous
  // failure of this create the lookups below run regardless.
  if (opts.mayExist ?? true) {
    const existing = await orders.findByPurchaseOrderByCustomer(order.PurchaseOrderByCustomer);
    if (existing[0]) return { salesOrder: existing[0].SalesOrder, created: false, messages: [], blocks: [] };
  }
  const sentAt = Date.now();
  try {
    // The fence runs once SAP's slot is held, right before the create is sent: a runner that
    // waited for the slot (or was frozen waiting) is checked then, not before it queued.
    const { order: created, messages } = await orders.createWithMessages(
      order,
      opts.beforeCreate ? { beforeSend: opts.beforeCreate } : {},
    );
    return { salesOrder: created.SalesOrder, created: true, messages, blocks: blocksOf(created, messages) };
  } catch (e) {
    if (e instanceof SapError && e.code === "SAP_DUPLICATE_PURCHASE_ORDER") {
      const booked = await orders.findByPurchaseOrderByCustomer(order.PurchaseOrderByCustomer);
      // the check is per sold-to party: the booking it found is the one with ours
      const first = booked.find((o) => o.SoldToParty === order.SoldToParty) ?? booked[0];
      if (first)
        return {
          salesOrder: first.SalesOrder,
          created: false,
          refusedAsDuplicate: true,
          messages: [],
          blocks: [],
        };
      // SAP named a document the lookup cannot see (no read authorisation for it, or deleted
      // since): no booking to return, and creating again would be refused again
      throw e;
    }
    if (e instanceof SapError && e.ambiguous) {
      const late = await lookUpAfterCommitWindow(orders, order.PurchaseOrderByCustomer, sentAt, opts);
      if (late) return { salesOrder: late.SalesOrder, created: true, messages: [], blocks: [] };
    }
    throw e;
  }
}

/**
 * After an ambiguous create: SAP looked up at once, and if it shows nothing, again once the
 * commit window since the create was sent has passed. Undefined: SAP never committed it, and
 * a retry is safe.
 */
async function lookUpAfterCommitWindow(
  orders: SalesOrders,
  reference: string,
  sentAt: number,
  opts: { commitWindowMs?: number; sleep?: (ms: number) => Promise<void> },
): Promise<SalesOrder | undefined> {
  const now = await orders.findByPurchaseOrderByCustomer(reference);
  if (now[0]) return now[0];
  const wait = sentAt + (opts.commitWindowMs ?? DEFAULT_COMMIT_WINDOW_MS) - Date.now();
  if (wait > 0) await (opts.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms))))(wait);
  return (await orders.findByPurchaseOrderByCustomer(reference))[0];
}
