"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { serverSort, tableSort } from "./data-table-nav";
import { FieldDiffTable } from "./field-diff-view";
import { ErrorText, Field, fmtTime, Json, Pager, SearchForm } from "./ui";
import { pageFrom, sortFrom, useUrlState } from "./url-state";

/** The audit page's filter, kept in the URL so a filtered view is a link and Back returns to it. */
const FILTER_KEYS = ["q", "actor", "action", "targetType", "targetId", "from", "to"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filter = Partial<Record<FilterKey, string>>;
const SORTS = ["at", "action", "actorEmail"] as const;
type Sort = (typeof SORTS)[number];

interface AuditRow {
  id: string;
  at: Date;
  actorId: string;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string | null;
  reason: string | null;
}

const col = dataTableColumns<AuditRow>();
const columns = col.columns([
  col.accessor("at", {
    id: "at",
    header: "When",
    cell: (c) => (
      <Link href={`/audit/${c.row.original.id}`} prefetch={false}>
        {fmtTime(c.getValue())}
      </Link>
    ),
  }),
  col.accessor((r) => r.actorEmail ?? r.actorId, { id: "actorEmail", header: "Actor" }),
  col.accessor("actorRole", {
    header: "Role",
    enableSorting: false,
    meta: { filter: ["VIEWER", "OPERATOR", "ADMIN", "CUSTOM", "SYSTEM", "API_CLIENT"] },
    filterFn: "equalsString",
  }),
  col.accessor("action", { id: "action", header: "Action" }),
  col.accessor((r) => `${r.targetType}${r.targetId ? ` ${r.targetId.slice(0, 36)}` : ""}`, {
    id: "target",
    header: "Target",
    enableSorting: false,
  }),
  col.accessor((r) => r.reason ?? "", {
    id: "reason",
    header: "Reason",
    enableSorting: false,
    meta: { style: { maxWidth: 220, overflow: "hidden", textOverflow: "ellipsis" } },
  }),
]);

export function AuditView() {
  const trpc = useTRPC();
  const { params, set: navigate, router } = useUrlState();
  const filter: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const page = pageFrom(params);
  const sort = sortFrom<Sort>(params, SORTS, "at");
  // Inputs show what was typed; the URL (and so the query) follows each change.
  const [draft, setDraft] = useState<Filter>(filter);
  const edit = (patch: Filter) => {
    setDraft((d) => ({ ...d, ...patch }));
    navigate(patch);
  };
  const apiFilter = {
    ...filter,
    ...(filter.from ? { from: new Date(filter.from) } : {}),
    ...(filter.to ? { to: new Date(filter.to) } : {}),
  };
  const list = useQuery(
    trpc.audit.list.queryOptions(
      { page, pageSize: 25, filter: apiFilter, ...sort },
      { refetchInterval: 5_000, placeholderData: keepPreviousData },
    ),
  );
  const actions = useQuery(trpc.audit.actions.queryOptions(undefined, { refetchInterval: 30_000 }));
  const exportQs = new URLSearchParams();
  for (const [k, v] of Object.entries(apiFilter))
    if (v) exportQs.set(k, v instanceof Date ? v.toISOString() : String(v));
  const rows = useMemo(() => (list.data?.rows ?? []) as AuditRow[], [list.data]);

  return (
    <>
      <SearchForm
        formLabel="Search the audit log"
        label="Free-text search (who, what, target, reason, payload)"
        initial={filter.q ?? ""}
        onSearch={(term) => navigate({ q: term })}
      />
      <search className="filters" aria-label="Filter the audit log">
        <Field label="Actor (email)">
          <input type="search" value={draft.actor ?? ""} onChange={(e) => edit({ actor: e.target.value })} />
        </Field>
        <Field label="Action">
          <select value={filter.action ?? ""} onChange={(e) => navigate({ action: e.target.value })}>
            <option value="">All</option>
            {actions.data?.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </Field>
        <Field label="Target type">
          <input
            value={draft.targetType ?? ""}
            onChange={(e) => edit({ targetType: e.target.value })}
            style={{ width: 120 }}
          />
        </Field>
        <Field label="Target id">
          <input value={draft.targetId ?? ""} onChange={(e) => edit({ targetId: e.target.value })} />
        </Field>
        <Field label="From">
          <input
            type="datetime-local"
            value={draft.from ?? ""}
            onChange={(e) => edit({ from: e.target.value })}
          />
        </Field>
        <Field label="To">
          <input
            type="datetime-local"
            value={draft.to ?? ""}
            onChange={(e) => edit({ to: e.target.value })}
          />
        </Field>
        <a className="button" href={`/api/audit/export?${exportQs.toString()}`} download>
          Export CSV
        </a>
      </search>
      <ErrorText error={list.error} />
      {list.data?.capped && (
        <p className="muted" data-testid="audit-search-capped">
          The search matched more entries than it reads; showing the newest matches. Narrow the search.
        </p>
      )}
      <DataTable
        label="Audit log"
        testId="audit-table"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        manualSorting
        sorting={tableSort(sort)}
        onSortingChange={(s) => {
          const next = serverSort(s, SORTS, { sort: "at", dir: "desc" });
          navigate({ sort: next.sort, dir: next.dir });
        }}
        onRowActivate={(r) => router.push(`/audit/${r.id}`)}
        empty={filter.q ? `No audit entry matches “${filter.q}”.` : "No audit entries."}
      />
      {list.data && (
        <Pager
          page={list.data.page}
          pages={list.data.pages}
          total={list.data.total}
          onPage={(p) => navigate({ page: String(p) })}
        />
      )}
    </>
  );
}

/** One audit entry: who, what, why, and the fields it changed (its own URL: /audit/<id>). */
export function AuditDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.audit.get.queryOptions({ id }));
  if (detail.isPending) return <p>Loading…</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  const a = detail.data;
  if (!a) return <p className="muted">No audit entry {id}.</p>;
  return (
    <div className="panel" data-testid="audit-detail">
      <h2>{a.action}</h2>
      <p className="muted">
        {fmtTime(a.at)} · {a.actorEmail ?? a.actorId} ({a.actorRole}) · ip {a.ip ?? "—"} · request{" "}
        {a.requestId ?? "—"}
      </p>
      <p>
        Target: {a.targetType} <TargetLink type={a.targetType} id={a.targetId} />
      </p>
      <p>Reason: {a.reason ?? "—"}</p>
      <h3 style={{ fontSize: 13 }}>Changed fields</h3>
      <FieldDiffTable before={a.before} after={a.after} />
      <details>
        <summary>Raw before / after</summary>
        <Json value={{ before: a.before, after: a.after }} />
      </details>
    </div>
  );
}

/** The target as a link where it has a page of its own. */
function TargetLink({ type, id }: { type: string; id: string | null }) {
  if (!id) return <>—</>;
  if (type === "order") return <Link href={`/orders/${encodeURIComponent(id)}`}>{id}</Link>;
  if (type === "failure") return <Link href={`/failures/${encodeURIComponent(id)}`}>{id}</Link>;
  if (type === "replay_run") return <Link href={`/replay?run=${encodeURIComponent(id)}`}>{id}</Link>;
  return <code>{id}</code>;
}
