import type { Db } from "@icp/db";
import type { ReadModel } from "@icp/read-model";
import { type notifyStorefront, WebhookEvents } from "../webhooks/webhooks";
import type { StorefrontOrders } from "./push-order";

type Notify = (event: Parameters<typeof notifyStorefront>[1]) => Promise<number>;

/**
 * The storefront's view of an order, moved by the order flow's own transitions: the read
 * model changes, and the storefront hears about it by webhook, as it does for SAP's changes.
 * A job retried after a crash between the two finds the transition already made and notifies
 * again; the delivery row is unique per event id, so the storefront still gets it once.
 */
export function storefrontOrders(rm: ReadModel, db: Db, notify: Notify): StorefrontOrders {
  const tell = async (orderId: string, data: Record<string, unknown>) => {
    const link = await db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      select: { id: true },
    });
    await notify({
      id: `order:${orderId}:${String(data.status)}`,
      type: WebhookEvents.orderStatus,
      data: { orderId, ...data, changedAt: new Date().toISOString() },
      ...(link ? { orderLinkId: link.id } : {}),
    });
  };
  return {
    async accepted(orderId, salesOrder) {
      const outcome = await rm.markOrder(orderId, "ACCEPTED", {
        salesOrder,
        note: `SAP sales order ${salesOrder}`,
        onlyFrom: ["RECEIVED", "FAILED"],
      });
      if (outcome === "applied" || (await rm.orders.findOne({ _id: orderId }))?.status === "ACCEPTED")
        await tell(orderId, { status: "ACCEPTED", salesOrder });
    },
    async failed(orderId, message) {
      const outcome = await rm.markOrder(orderId, "FAILED", { note: message, onlyFrom: ["RECEIVED"] });
      if (outcome === "applied" || (await rm.orders.findOne({ _id: orderId }))?.status === "FAILED")
        await tell(orderId, { status: "FAILED", reason: message });
    },
  };
}
