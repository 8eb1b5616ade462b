import { orderIdSchema } from "@icp/domain";
import { json } from "../http";
import { notFound, problem } from "../problem";
import { cancellationAcceptedSchema, cancelOrderSchema, orderStatusSchema } from "../schemas";
import { defineRoute } from "./route";

// Another client's order is indistinguishable from a missing one (no IDOR oracle).
const orderId = { schema: orderIdSchema, notFound: "This order" };

export const getOrder = defineRoute({
  method: "GET",
  path: "/orders/{orderId}",
  summary: "Order status and history",
  access: { scope: "orders:read" },
  request: { params: { orderId } },
  responses: { 200: { description: "The order", schema: orderStatusSchema } },
  problems: ["not-found"],
  async handler({ clientId, params, deps }) {
    const order = await deps.orders.get(clientId, params.orderId);
    if (!order) throw notFound("This order");
    return json(order, { headers: { "Cache-Control": "no-store" } });
  },
});

export const cancelOrder = defineRoute({
  method: "POST",
  path: "/orders/{orderId}/cancellation",
  summary: "Request cancellation",
  access: { scope: "orders:write" },
  request: { params: { orderId }, body: { schema: cancelOrderSchema } },
  responses: { 202: { description: "Cancellation requested", schema: cancellationAcceptedSchema } },
  problems: ["not-found", "cancellation-too-late"],
  async handler({ clientId, params, body, requestId, traceparent, deps }) {
    const r = await deps.orders.requestCancellation(clientId, params.orderId, body.reason, {
      requestId,
      traceparent,
    });
    if (r === "not-found") throw notFound("This order");
    if (r === "too-late")
      throw problem("cancellation-too-late", "The order has already shipped or was cancelled.");
    return json(
      { orderId: params.orderId, status: "CANCELLATION_REQUESTED" },
      { status: 202, headers: { Location: `${deps.basePath}/orders/${encodeURIComponent(params.orderId)}` } },
    );
  },
});
