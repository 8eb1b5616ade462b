import type { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import { type notifyStorefront, WebhookEvents } from "../webhooks/webhooks";
import type { StorefrontOrders } from "./push-order";

type Notify = (event: Parameters<typeof notifyStorefront>[1]) => Promise<number>;

/**
 * The storefront's view of an order, moved by the order flow's own transitions (through the
 * order owner): the read model changes, and the storefront hears about it by webhook, as it
 * does for SAP's changes. A job retried after a crash between the two finds the transition
 * already made and notifies again; the delivery row is unique per event id, so the storefront
 * still gets it once.
 */
export function storefrontOrders(
  status: Pick<StorefrontOrderStatus, "move">,
  ledger: Pick<OrderLedger, "find">,
  notify: Notify,
): StorefrontOrders {
  const tell = async (orderId: string, data: Record<string, unknown>) => {
    const link = await ledger.find({ orderId });
    await notify({
      id: `order:${orderId}:${String(data.status)}`,
      type: WebhookEvents.orderStatus,
      data: { orderId, ...data, changedAt: new Date().toISOString() },
      ...(link ? { orderLinkId: link.id } : {}),
    });
  };
  return {
    async accepted(orderId, salesOrder) {
      if (await status.move(orderId, "ACCEPTED", { salesOrder, note: `SAP sales order ${salesOrder}` }))
        await tell(orderId, { status: "ACCEPTED", salesOrder });
    },
    async failed(orderId, message) {
      if (await status.move(orderId, "FAILED", { note: message }))
        await tell(orderId, { status: "FAILED", reason: message });
    },
  };
}
