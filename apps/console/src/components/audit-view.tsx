"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { ErrorText, Field, fmtTime, Json, Pager, type SortState, SortTh } from "./ui";

interface Filter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** Keys whose values differ between before and after, for the diff table. */
function diff(before: unknown, after: unknown) {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys
    .map((k) => ({ key: k, before: b[k], after: a[k] }))
    .filter((r) => JSON.stringify(r.before) !== JSON.stringify(r.after));
}

export function AuditView() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState<"at" | "action" | "actorEmail">>({ sort: "at", dir: "desc" });
  const [selected, setSelected] = useState<string | null>(null);
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
  const detail = useQuery({ ...trpc.audit.get.queryOptions({ id: selected ?? "" }), enabled: !!selected });
  const set = (patch: Filter) => {
    setPage(1);
    setFilter((f) => {
      const n = { ...f, ...patch } as Record<string, string | undefined>;
      for (const k of Object.keys(n)) if (!n[k]) delete n[k];
      return n as Filter;
    });
  };
  const exportQs = new URLSearchParams();
  for (const [k, v] of Object.entries(apiFilter))
    if (v) exportQs.set(k, v instanceof Date ? v.toISOString() : String(v));

  return (
    <>
      <search className="filters" aria-label="Filter the audit log">
        <Field label="Actor (email)">
          <input type="search" value={filter.actor ?? ""} onChange={(e) => set({ actor: e.target.value })} />
        </Field>
        <Field label="Action">
          <select value={filter.action ?? ""} onChange={(e) => set({ action: e.target.value })}>
            <option value="">All</option>
            {actions.data?.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </Field>
        <Field label="Target type">
          <input
            value={filter.targetType ?? ""}
            onChange={(e) => set({ targetType: e.target.value })}
            style={{ width: 120 }}
          />
        </Field>
        <Field label="Target id">
          <input value={filter.targetId ?? ""} onChange={(e) => set({ targetId: e.target.value })} />
        </Field>
        <Field label="From">
          <input
            type="datetime-local"
            value={filter.from ?? ""}
            onChange={(e) => set({ from: e.target.value })}
          />
        </Field>
        <Field label="To">
          <input
            type="datetime-local"
            value={filter.to ?? ""}
            onChange={(e) => set({ to: e.target.value })}
          />
        </Field>
        <a className="button" href={`/api/audit/export?${exportQs.toString()}`} download>
          Export CSV
        </a>
      </search>
      <ErrorText error={list.error} />
      <div className="master-detail">
        <section>
          <div className="scroll">
            <table data-testid="audit-table">
              <thead>
                <tr>
                  <SortTh field="at" label="When" state={sort} onSort={setSort} />
                  <SortTh field="actorEmail" label="Actor" state={sort} onSort={setSort} />
                  <th>Role</th>
                  <SortTh field="action" label="Action" state={sort} onSort={setSort} />
                  <th>Target</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {list.data?.rows.map((a) => (
                  <tr key={a.id} className={selected === a.id ? "selected" : undefined}>
                    <td>
                      <button type="button" className="link" onClick={() => setSelected(a.id)}>
                        {fmtTime(a.at)}
                      </button>
                    </td>
                    <td>{a.actorEmail ?? a.actorId}</td>
                    <td>{a.actorRole}</td>
                    <td>{a.action}</td>
                    <td>
                      {a.targetType}
                      {a.targetId ? ` ${a.targetId.slice(0, 36)}` : ""}
                    </td>
                    <td style={{ maxWidth: 220, overflow: "hidden", textOverflow: "ellipsis" }}>
                      {a.reason ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data && (
            <Pager page={list.data.page} pages={list.data.pages} total={list.data.total} onPage={setPage} />
          )}
        </section>
        <section>
          {detail.data ? (
            <div className="panel" data-testid="audit-detail">
              <h2>{detail.data.action}</h2>
              <p className="muted">
                {fmtTime(detail.data.at)} · {detail.data.actorEmail} ({detail.data.actorRole}) · ip{" "}
                {detail.data.ip ?? "—"} · request {detail.data.requestId}
              </p>
              <p>Reason: {detail.data.reason ?? "—"}</p>
              <table>
                <thead>
                  <tr>
                    <th>Field</th>
                    <th>Before</th>
                    <th>After</th>
                  </tr>
                </thead>
                <tbody>
                  {diff(detail.data.before, detail.data.after).map((r) => (
                    <tr key={r.key}>
                      <td>{r.key}</td>
                      <td style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(r.before) ?? "—"}</td>
                      <td style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(r.after) ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <details>
                <summary>Raw before / after</summary>
                <Json value={{ before: detail.data.before, after: detail.data.after }} />
              </details>
            </div>
          ) : (
            <p className="muted">Pick an entry to see its before/after diff.</p>
          )}
        </section>
      </div>
    </>
  );
}
