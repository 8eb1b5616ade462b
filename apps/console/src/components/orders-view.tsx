"use client";
import type { OrderRow } from "@icp/api/routers/orders/search";
import { LedgerStates } from "@icp/domain/order-lifecycle";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { serverSort, tableSort } from "./data-table-nav";
import { FieldDiffTable } from "./field-diff-view";
import { Badge, ErrorText, fmtTime, Json, Pager, SearchForm } from "./ui";
import { pageFrom, sortFrom, useUrlState } from "./url-state";

const SORTS = ["createdAt", "storefrontOrderId", "sapSalesOrder", "state"] as const;
type Sort = (typeof SORTS)[number];
const MATCHED: Record<string, string> = {
  order: "order id / PO",
  sapDocument: "SAP document",
  customer: "customer",
  sku: "SKU",
};

const orderHref = (id: string) => `/orders/${encodeURIComponent(id)}`;

const col = dataTableColumns<OrderRow>();
const columns = col.columns([
  col.accessor("storefrontOrderId", {
    id: "storefrontOrderId",
    header: "Order",
    cell: (c) => (
      <Link href={orderHref(c.getValue())} prefetch={false}>
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor((r) => r.sapSalesOrder ?? "—", { id: "sapSalesOrder", header: "SAP document" }),
  col.accessor((r) => (r.sapCustomer ? `${r.customerId} (SAP ${r.sapCustomer})` : r.customerId), {
    id: "customer",
    header: "Customer",
    enableSorting: false,
    meta: { filter: "text" },
    filterFn: "includesString",
  }),
  col.accessor("state", {
    id: "state",
    header: "State",
    cell: (c) => <Badge value={c.getValue()} />,
    meta: { filter: LedgerStates },
    filterFn: "equalsString",
  }),
  col.accessor("itemCount", { header: "Items", enableSorting: false, meta: { num: true } }),
  col.accessor((r) => (r.totalGross ? `${r.totalGross} ${r.currency}` : "—"), {
    id: "total",
    header: "Total",
    enableSorting: false,
    meta: { num: true },
  }),
  col.accessor((r) => (r.matchedBy ? (MATCHED[r.matchedBy] ?? r.matchedBy) : ""), {
    id: "matchedBy",
    header: "Matched by",
    enableSorting: false,
  }),
  col.accessor("createdAt", { id: "createdAt", header: "Created", cell: (c) => fmtTime(c.getValue()) }),
]);

/**
 * Orders, newest first; a search by business key (order id, SAP document, customer, SKU,
 * purchase order) narrows them on the server. Each order opens at its own URL (/orders/<id>).
 * The search, sort and page are in the URL, so a result list is a link too.
 */
export function OrdersView() {
  const trpc = useTRPC();
  const { params, set: navigate, router } = useUrlState();
  const query = params.get("q") ?? "";
  const page = pageFrom(params);
  const sort = sortFrom<Sort>(params, SORTS, "createdAt");
  // The old in-page trace link (?order=<id>) opens the order's own page.
  const legacy = params.get("order");
  useEffect(() => {
    if (legacy) router.replace(orderHref(legacy));
  }, [legacy, router]);
  const list = useQuery(
    trpc.orders.list.queryOptions(
      { page, pageSize: 25, ...sort, ...(query ? { q: query } : {}) },
      { refetchInterval: 10_000, placeholderData: keepPreviousData },
    ),
  );
  const rows = useMemo(() => (list.data?.rows ?? []) as OrderRow[], [list.data]);
  return (
    <>
      <SearchForm
        formLabel="Search orders"
        label="Order id, SAP document, customer, SKU or purchase order"
        initial={query}
        onSearch={(term) => navigate({ q: term })}
        clearable={query !== ""}
      />
      <ErrorText error={list.error} />
      <DataTable
        label="Orders"
        testId="order-results"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        manualSorting
        sorting={tableSort(sort)}
        onSortingChange={(s) => {
          const next = serverSort(s, SORTS, { sort: "createdAt", dir: "desc" });
          navigate({ sort: next.sort, dir: next.dir });
        }}
        onRowActivate={(r) => router.push(orderHref(r.storefrontOrderId))}
        empty={query ? `No order matches “${query}”.` : "No orders yet."}
      />
      {list.data && (
        <Pager
          page={list.data.page}
          pages={list.data.pages}
          total={list.data.total}
          totalCapped={list.data.totalCapped}
          onPage={(p) => navigate({ page: String(p) })}
        />
      )}
    </>
  );
}

/** One order end to end: its SAP document, BullMQ job, failures and one ordered timeline. */
export function OrderTrace({ storefrontOrderId }: { storefrontOrderId: string }) {
  const trpc = useTRPC();
  const trace = useQuery(trpc.orders.trace.queryOptions({ storefrontOrderId }, { refetchInterval: 5_000 }));
  if (trace.isPending) return <p>Loading…</p>;
  if (trace.error) return <ErrorText error={trace.error} />;
  if (trace.data === null) return <p className="muted">No order {storefrontOrderId}.</p>;
  const { link, job, failures, timeline } = trace.data;
  return (
    <div className="grid2" data-testid="order-trace">
      <div className="panel">
        <h2>
          {link.storefrontOrderId} <Badge value={link.state} />
        </h2>
        <p>
          SAP sales order <strong>{link.sapSalesOrder ?? "—"}</strong> · customer {link.customerId}
          {link.sapCustomer ? ` (SAP ${link.sapCustomer})` : ""} · {link.itemCount} item(s) ·{" "}
          {link.totalGross?.toString() ?? "—"} {link.currency}
        </p>
        <p className="muted">
          Kafka {link.kafkaTopic ?? "—"}[{link.kafkaPartition ?? "—"}]@{link.kafkaOffset?.toString() ?? "—"} ·
          trace {link.traceId ?? "—"} · SAP status {link.sapStatus ?? "—"}
        </p>
        <OrderLines payload={link.payload} />
        <h3 style={{ fontSize: 13 }}>BullMQ job</h3>
        {job ? (
          <p>
            <Badge value={job.state} /> attempts {job.attemptsMade}/{job.maxAttempts}
            {job.failedReason ? ` · ${job.failedReason}` : ""}
          </p>
        ) : (
          <p className="muted">No job in Redis (completed jobs expire after 7 days).</p>
        )}
        {failures.length > 0 && (
          <>
            <h3 style={{ fontSize: 13 }}>Failures</h3>
            <ul>
              {failures.map((f) => (
                <li key={f.id}>
                  <Badge value={f.state} /> {f.errorClass} {f.sapErrorCode ?? ""} — {f.message} (
                  <Link href={`/failures/${f.id}`}>open</Link>)
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="panel">
        <h2>Timeline</h2>
        <ol className="timeline" data-testid="timeline">
          {timeline.map((e, i) => (
            <li key={`${e.kind}-${i}`}>
              <strong>{fmtTime(e.at)}</strong> · {e.kind === "AUDIT" ? "audit: " : ""}
              {e.auditId ? <Link href={`/audit/${e.auditId}`}>{e.title}</Link> : e.title}{" "}
              <span className="muted">({e.source})</span>
              {e.detail !== null && e.detail !== undefined && (
                <details>
                  <summary className="muted">detail</summary>
                  {e.kind === "AUDIT" ? <AuditChange detail={e.detail} /> : <Json value={e.detail} />}
                </details>
              )}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function AuditChange({ detail }: { detail: unknown }) {
  const d = (detail ?? {}) as { before?: unknown; after?: unknown };
  return <FieldDiffTable before={d.before ?? null} after={d.after ?? null} testId="timeline-diff" />;
}

/** The order's lines as the storefront submitted them (SKU, quantity). */
function OrderLines({ payload }: { payload: unknown }) {
  const lines = (payload as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines) || lines.length === 0) return null;
  return (
    <table data-testid="order-lines" aria-label="Order lines">
      <thead>
        <tr>
          <th>SKU</th>
          <th className="num">Quantity</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => {
          const line = l as { sku?: unknown; quantity?: unknown };
          return (
            <tr key={`${String(line.sku)}-${i}`}>
              <td>{String(line.sku ?? "—")}</td>
              <td className="num">{String(line.quantity ?? "—")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
