import type { ReadModel } from "@icp/read-model";
import type { StorefrontOrders } from "./push-order";

/** The storefront's view of an order, moved by the order flow's own transitions. */
export function storefrontOrders(rm: ReadModel): StorefrontOrders {
  return {
    async accepted(orderId, salesOrder) {
      await rm.markOrder(orderId, "ACCEPTED", {
        salesOrder,
        note: `SAP sales order ${salesOrder}`,
        onlyFrom: ["RECEIVED", "FAILED"],
      });
    },
    async failed(orderId, message) {
      await rm.markOrder(orderId, "FAILED", { note: message, onlyFrom: ["RECEIVED"] });
    },
  };
}
