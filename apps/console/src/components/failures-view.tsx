"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import {
  Badge,
  ConfirmDialog,
  ErrorText,
  Field,
  fmtAgo,
  fmtTime,
  Json,
  Pager,
  type SortState,
  SortTh,
  useCan,
} from "./ui";

const FLOWS = ["ORDERS", "ORDER_STATUS", "INVENTORY", "MASTER_DATA", "WEBHOOK"] as const;
const CLASSES = ["BUSINESS", "TRANSIENT", "POISON"] as const;
const STATES = ["OPEN", "RETRYING", "RESOLVED", "DISCARDED"] as const;
type SortField = "createdAt" | "updatedAt" | "attempts" | "flow" | "errorClass";

interface Filter {
  flow?: (typeof FLOWS)[number];
  errorClass?: (typeof CLASSES)[number];
  state?: (typeof STATES)[number];
  sapErrorCode?: string;
  minAgeMinutes?: number;
  maxAgeMinutes?: number;
  q?: string;
}

function pick<T extends string>(v: string | null, allowed: readonly T[]): T | undefined {
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function FailuresView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const params = useSearchParams();
  const [filter, setFilter] = useState<Filter>(() => {
    const f: Filter = {};
    const flow = pick(params.get("flow"), FLOWS);
    const errorClass = pick(params.get("errorClass"), CLASSES);
    const state = pick(params.get("state"), STATES);
    if (flow) f.flow = flow;
    if (errorClass) f.errorClass = errorClass;
    if (state) f.state = state;
    return f;
  });
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState<SortField>>({ sort: "createdAt", dir: "desc" });
  const [selected, setSelected] = useState<string | null>(null);
  const canOperate = useCan("operator");

  const list = useQuery(
    trpc.failures.list.queryOptions(
      { page, pageSize: 25, filter, ...sort },
      { refetchInterval: 5_000, placeholderData: keepPreviousData },
    ),
  );
  const codes = useQuery(trpc.failures.sapErrorCodes.queryOptions(undefined, { refetchInterval: 30_000 }));
  const set = (patch: Partial<Filter>) => {
    setPage(1);
    setFilter((f) => {
      const next = { ...f, ...patch } as Record<string, unknown>;
      for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === "") delete next[k];
      return next as Filter;
    });
  };

  // Bulk retry: dry-run count first, then a confirmation with the reason.
  const [bulkOpen, setBulkOpen] = useState(false);
  const dry = useQuery({
    ...trpc.failures.retryManyCount.queryOptions({ filter }),
    enabled: bulkOpen && canOperate,
  });
  const invalidate = () => qc.invalidateQueries({ queryKey: trpc.failures.pathKey() });
  const retryMany = useMutation(
    trpc.failures.retryMany.mutationOptions({
      onSuccess: () => {
        setBulkOpen(false);
        void invalidate();
      },
    }),
  );

  return (
    <>
      <search className="filters" aria-label="Filter failures">
        <Field label="Flow">
          <select
            value={filter.flow ?? ""}
            onChange={(e) => set({ flow: (e.target.value || undefined) as Filter["flow"] })}
          >
            <option value="">All</option>
            {FLOWS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </Field>
        <Field label="Error class">
          <select
            value={filter.errorClass ?? ""}
            onChange={(e) => set({ errorClass: (e.target.value || undefined) as Filter["errorClass"] })}
          >
            <option value="">All</option>
            {CLASSES.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </Field>
        <Field label="State">
          <select
            value={filter.state ?? ""}
            onChange={(e) => set({ state: (e.target.value || undefined) as Filter["state"] })}
          >
            <option value="">All</option>
            {STATES.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </Field>
        <Field label="SAP error code">
          <select
            value={filter.sapErrorCode ?? ""}
            onChange={(e) => set({ sapErrorCode: e.target.value || undefined })}
          >
            <option value="">All</option>
            {codes.data?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} ({c.count})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Older than (min)">
          <input
            type="number"
            min={0}
            style={{ width: 90 }}
            value={filter.minAgeMinutes ?? ""}
            onChange={(e) =>
              set({ minAgeMinutes: e.target.value === "" ? undefined : Number(e.target.value) })
            }
          />
        </Field>
        <Field label="Newer than (min)">
          <input
            type="number"
            min={0}
            style={{ width: 90 }}
            value={filter.maxAgeMinutes ?? ""}
            onChange={(e) =>
              set({ maxAgeMinutes: e.target.value === "" ? undefined : Number(e.target.value) })
            }
          />
        </Field>
        <Field label="Search key / message">
          <input
            type="search"
            value={filter.q ?? ""}
            onChange={(e) => set({ q: e.target.value || undefined })}
          />
        </Field>
        <button
          type="button"
          disabled={!canOperate}
          onClick={() => setBulkOpen(true)}
          title={canOperate ? undefined : "Needs the operator role"}
        >
          Retry all matching…
        </button>
      </search>
      <ErrorText error={list.error} />
      <div className="master-detail">
        <section>
          <div className="scroll">
            <table data-testid="failures-table">
              <thead>
                <tr>
                  <th>Key</th>
                  <th>State</th>
                  <SortTh field="createdAt" label="Created" state={sort} onSort={setSort} />
                  <SortTh field="flow" label="Flow" state={sort} onSort={setSort} />
                  <SortTh field="errorClass" label="Class" state={sort} onSort={setSort} />
                  <th>SAP code</th>
                  <SortTh field="attempts" label="Att." state={sort} onSort={setSort} num />
                  <th>Message</th>
                </tr>
              </thead>
              <tbody>
                {list.data?.rows.map((f) => (
                  <tr key={f.id} className={selected === f.id ? "selected" : undefined}>
                    <td>
                      <button type="button" className="link" onClick={() => setSelected(f.id)}>
                        {f.entityKey ?? f.id.slice(0, 8)}
                      </button>
                    </td>
                    <td>
                      <Badge value={f.state} />
                    </td>
                    <td title={fmtTime(f.createdAt)}>{fmtAgo(f.createdAt)}</td>
                    <td>{f.flow}</td>
                    <td>
                      <Badge value={f.errorClass} />
                    </td>
                    <td>{f.sapErrorCode ?? "—"}</td>
                    <td className="num">{f.attempts}</td>
                    <td style={{ maxWidth: 260, overflow: "hidden", textOverflow: "ellipsis" }}>
                      {f.message}
                    </td>
                  </tr>
                ))}
                {list.data?.rows.length === 0 && (
                  <tr>
                    <td colSpan={8} className="muted">
                      No failures match.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {list.data && (
            <Pager page={list.data.page} pages={list.data.pages} total={list.data.total} onPage={setPage} />
          )}
        </section>
        <section>
          {selected ? (
            <FailureDetail id={selected} onChanged={invalidate} />
          ) : (
            <p className="muted">Pick a failure to see its payload and actions.</p>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={bulkOpen}
        title="Retry all matching failures"
        confirmLabel={`Retry ${dry.data?.count ?? "…"} failure(s)`}
        busy={retryMany.isPending || dry.isPending}
        error={retryMany.error ?? dry.error}
        onClose={() => setBulkOpen(false)}
        onConfirm={(reason) => retryMany.mutate({ filter, reason })}
      >
        <p data-testid="dry-run-count">
          Dry run: <strong>{dry.data ? dry.data.count : "counting…"}</strong> open failure(s) match this
          filter
          {dry.data && dry.data.count > dry.data.cap
            ? ` (only the oldest ${dry.data.cap} are retried per click)`
            : ""}
          . Only OPEN failures are retried.
        </p>
      </ConfirmDialog>
      {retryMany.data && (
        <p role="status">
          Bulk retry: {retryMany.data.retried} retried, {retryMany.data.failed} refused of{" "}
          {retryMany.data.matched} matched.
        </p>
      )}
    </>
  );
}

function FailureDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const trpc = useTRPC();
  const canOperate = useCan("operator");
  const isAdmin = useCan("admin");
  const detail = useQuery(trpc.failures.get.queryOptions({ id }, { refetchInterval: 5_000 }));
  const [dialog, setDialog] = useState<"retry" | "discard" | "edit" | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const done = () => {
    setDialog(null);
    setEdited(null);
    onChanged();
    void detail.refetch();
  };
  const retry = useMutation(trpc.failures.retry.mutationOptions({ onSuccess: done }));
  const discard = useMutation(trpc.failures.discard.mutationOptions({ onSuccess: done }));
  const editRetry = useMutation(trpc.failures.editAndRetry.mutationOptions({ onSuccess: done }));
  if (detail.isPending) return <p>Loading…</p>;
  if (!detail.data) return <ErrorText error={detail.error ?? { message: "Not found." }} />;
  const f = detail.data;
  const open = f.state === "OPEN";
  return (
    <div className="panel" data-testid="failure-detail">
      <h2>
        {f.flow} · <Badge value={f.errorClass} /> · <Badge value={f.state} />
      </h2>
      <p>
        <strong>SAP says:</strong> {f.message}
        {f.sapErrorCode && <> ({f.sapErrorCode})</>}
      </p>
      <p className="muted">
        Key {f.entityKey ?? "—"} · attempts {f.attempts} · created {fmtTime(f.createdAt)} · last attempt{" "}
        {fmtTime(f.lastAttemptAt)}
        {f.kafkaTopic && ` · ${f.kafkaTopic}[${f.kafkaPartition}]@${f.kafkaOffset}`}
        {f.discardReason && ` · discarded by ${f.discardedBy}: ${f.discardReason}`}
      </p>
      <div className="row" style={{ marginBottom: 10 }}>
        <button type="button" disabled={!canOperate || !open} onClick={() => setDialog("retry")}>
          Retry
        </button>
        <button
          type="button"
          className="danger"
          disabled={!canOperate || !open}
          onClick={() => setDialog("discard")}
        >
          Discard…
        </button>
        <button
          type="button"
          className="ghost"
          disabled={!isAdmin || !open}
          title={isAdmin ? undefined : "Needs the admin role"}
          onClick={() => setEdited(JSON.stringify(f.payload, null, 2))}
        >
          Edit payload
        </button>
      </div>
      {edited !== null ? (
        <>
          <label className="field">
            <span>Payload (JSON)</span>
            <textarea
              rows={14}
              value={edited}
              onChange={(e) => setEdited(e.target.value)}
              spellCheck={false}
              style={{ fontFamily: "monospace" }}
            />
          </label>
          <div className="row end">
            <button type="button" className="ghost" onClick={() => setEdited(null)}>
              Cancel edit
            </button>
            <button type="button" onClick={() => setDialog("edit")}>
              Save and retry…
            </button>
          </div>
        </>
      ) : (
        <Json value={f.payload} />
      )}
      {f.originalPayload !== null && (
        <details>
          <summary>Original payload (before edits)</summary>
          <Json value={f.originalPayload} />
        </details>
      )}
      {f.audit.length > 0 && (
        <>
          <h3 style={{ fontSize: 13 }}>History</h3>
          <ul className="timeline">
            {f.audit.map((a) => (
              <li key={a.id}>
                {fmtTime(a.at)} · {a.actorEmail} · {a.action}
                {a.reason ? ` — ${a.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={dialog === "retry"}
        title="Retry this failure"
        confirmLabel="Retry"
        needReason={false}
        busy={retry.isPending}
        error={retry.error}
        onClose={() => setDialog(null)}
        onConfirm={() => retry.mutate({ id: f.id })}
      >
        <p>
          {f.errorClass === "POISON"
            ? "The message is re-published to its original topic."
            : "The work is queued again."}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "discard"}
        title="Discard this failure"
        confirmLabel="Discard"
        busy={discard.isPending}
        error={discard.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => discard.mutate({ id: f.id, reason })}
      >
        <p>The failure will no longer be retried. This cannot be undone.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "edit"}
        title="Save the edited payload and retry"
        confirmLabel="Save and retry"
        busy={editRetry.isPending}
        error={editRetry.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => editRetry.mutate({ id: f.id, reason, payload: edited ?? "" })}
      >
        <p>The original payload is kept; the change is audited with a before/after diff.</p>
      </ConfirmDialog>
    </div>
  );
}
