"use client";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { Badge, ErrorText, Field, fmtTime, Json } from "./ui";

export function OrdersView() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [query, setQuery] = useState(params.get("q") ?? "");
  const [orderId, setOrderId] = useState<string | null>(params.get("order"));
  const search = useQuery({
    ...trpc.orders.search.queryOptions({ q: query || "-" }),
    enabled: query.length > 0,
  });
  const trace = useQuery({
    ...trpc.orders.trace.queryOptions({ storefrontOrderId: orderId ?? "-" }, { refetchInterval: 5_000 }),
    enabled: !!orderId,
  });
  return (
    <>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
          setOrderId(null);
        }}
      >
        <Field label="Storefront order id, SAP sales order or customer">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} style={{ minWidth: 260 }} />
        </Field>
        <button type="submit">Search</button>
      </form>
      <ErrorText error={search.error ?? trace.error} />
      {search.data && !orderId && (
        <table data-testid="order-results">
          <thead>
            <tr>
              <th>Order</th>
              <th>SAP</th>
              <th>Customer</th>
              <th>State</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {search.data.map((o) => (
              <tr key={o.id}>
                <td>
                  <button type="button" className="link" onClick={() => setOrderId(o.storefrontOrderId)}>
                    {o.storefrontOrderId}
                  </button>
                </td>
                <td>{o.sapSalesOrder ?? "—"}</td>
                <td>{o.customerId}</td>
                <td>
                  <Badge value={o.state} />
                </td>
                <td>{fmtTime(o.createdAt)}</td>
              </tr>
            ))}
            {search.data.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No order matches.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {orderId && trace.data === null && <p className="muted">No order {orderId}.</p>}
      {trace.data && (
        <div className="grid2">
          <div className="panel">
            <h2>
              {trace.data.link.storefrontOrderId} <Badge value={trace.data.link.state} />
            </h2>
            <p>
              SAP sales order <strong>{trace.data.link.sapSalesOrder ?? "—"}</strong> · customer{" "}
              {trace.data.link.customerId}
              {trace.data.link.sapCustomer ? ` (SAP ${trace.data.link.sapCustomer})` : ""} ·{" "}
              {trace.data.link.itemCount} item(s) · {trace.data.link.totalGross?.toString() ?? "—"}{" "}
              {trace.data.link.currency}
            </p>
            <p className="muted">
              Kafka {trace.data.link.kafkaTopic ?? "—"}[{trace.data.link.kafkaPartition ?? "—"}]@
              {trace.data.link.kafkaOffset?.toString() ?? "—"} · trace {trace.data.link.traceId ?? "—"} · SAP
              status {trace.data.link.sapStatus ?? "—"}
            </p>
            <h3 style={{ fontSize: 13 }}>BullMQ job</h3>
            {trace.data.job ? (
              <p>
                <Badge value={trace.data.job.state} /> attempts {trace.data.job.attemptsMade}/
                {trace.data.job.maxAttempts}
                {trace.data.job.failedReason ? ` · ${trace.data.job.failedReason}` : ""}
              </p>
            ) : (
              <p className="muted">No job in Redis (completed jobs expire after 7 days).</p>
            )}
            {trace.data.failures.length > 0 && (
              <>
                <h3 style={{ fontSize: 13 }}>Failures</h3>
                <ul>
                  {trace.data.failures.map((f) => (
                    <li key={f.id}>
                      <Badge value={f.state} /> {f.errorClass} {f.sapErrorCode ?? ""} — {f.message} (
                      <a href="/failures">failures</a>)
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div className="panel">
            <h2>Timeline</h2>
            <ol className="timeline" data-testid="timeline">
              {trace.data.timeline.map((e, i) => (
                <li key={`${e.kind}-${i}`}>
                  <strong>{fmtTime(e.at)}</strong> · {e.kind === "AUDIT" ? "audit: " : ""}
                  {e.title} <span className="muted">({e.source})</span>
                  {e.detail !== null && e.detail !== undefined && (
                    <details>
                      <summary className="muted">detail</summary>
                      <Json value={e.detail} />
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </>
  );
}
