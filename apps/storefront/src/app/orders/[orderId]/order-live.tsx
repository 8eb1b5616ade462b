"use client";
import type { OrderStatus } from "@icp/storefront-sdk";
import { useEffect, useState } from "react";

const STEPS = ["ACCEPTED", "PROCESSING", "SHIPPED", "BILLED"] as const;
const LABEL: Record<OrderStatus["status"], string> = {
  RECEIVED: "Received",
  ACCEPTED: "Accepted",
  PROCESSING: "Processing",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  BILLED: "Billed",
  CANCELLATION_REQUESTED: "Cancellation requested",
  CANCELLED: "Cancelled",
  FAILED: "Failed",
};

/** The order's status as SAP sends it back, followed live (the page asks every 2 s until it is final). */
export function OrderLive({ initial }: { initial: OrderStatus }) {
  const [order, setOrder] = useState(initial);
  const final = order.status === "BILLED" || order.status === "CANCELLED" || order.status === "FAILED";
  useEffect(() => {
    if (final) return;
    const t = setInterval(async () => {
      const res = await fetch(`/api/orders/${encodeURIComponent(order.orderId)}`, {
        cache: "no-store",
      }).catch(() => null);
      if (res?.ok) setOrder((await res.json()) as OrderStatus);
    }, 2000);
    return () => clearInterval(t);
  }, [order.orderId, final]);
  const seen = new Set(order.history.map((h) => h.status));
  return (
    <section className="card">
      <p>
        Status:{" "}
        <span className="status" data-testid="order-status">
          {LABEL[order.status]}
        </span>
        {order.salesOrder ? <span className="muted"> · SAP sales order {order.salesOrder}</span> : null}
      </p>
      {order.status === "CANCELLED" ? (
        <p className="error">This order was cancelled.</p>
      ) : (
        <ol className="steps" data-testid="order-steps">
          {STEPS.map((s) => (
            <li key={s} className={seen.has(s) ? "done" : ""}>
              {LABEL[s]} {seen.has(s) ? "✓" : ""}
            </li>
          ))}
        </ol>
      )}
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Status</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody data-testid="order-history">
          {order.history.map((h) => (
            <tr key={`${h.at}-${h.status}`}>
              <td>{new Date(h.at).toLocaleString("en-GB", { timeZone: "UTC" })}</td>
              <td>{LABEL[h.status]}</td>
              <td>{h.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
