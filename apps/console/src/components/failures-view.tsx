"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/client";
import {
  CLASSES,
  type Filter,
  FLOWS,
  fmtAge,
  GROUPS,
  type GroupBy,
  type InboxView,
  queryFromView,
  STATES,
  viewFromQuery,
} from "./failure-filter-url";
import {
  Badge,
  ConfirmDialog,
  ErrorText,
  Field,
  fmtTime,
  Json,
  Pager,
  type SortState,
  SortTh,
  useCan,
} from "./ui";

type SortField = "createdAt" | "updatedAt" | "attempts" | "flow" | "errorClass";
type BulkKind = "discard" | "assign" | "tag";

const GROUP_LABEL: Record<GroupBy, string> = {
  sapErrorCode: "SAP error code",
  endpoint: "Webhook endpoint",
  sku: "SKU",
};

export function FailuresView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // The URL is the filter: a filtered view is a link, and a reload shows the same rows.
  const view = useMemo(() => viewFromQuery(params), [params]);
  const filter = view.filter;
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
  const go = (next: InboxView) => {
    setPage(1);
    const qs = queryFromView(next);
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const set = (patch: Partial<Filter>) => {
    const next = { ...filter, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === "") delete next[k];
    go({ ...view, filter: next as Filter });
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
  const [bulk, setBulk] = useState<BulkKind | null>(null);

  return (
    <>
      <InboxFilters
        view={view}
        go={go}
        set={set}
        codes={codes.data}
        onRetryAll={() => setBulkOpen(true)}
        onBulk={setBulk}
      />
      <ActiveFilters view={view} onClear={(patch) => set(patch)} />
      {view.group && (
        <CauseGroups
          by={view.group}
          onPick={(key) =>
            set({
              state: "OPEN",
              ...(view.group === "endpoint" ? { endpointId: key } : {}),
              ...(view.group === "sku" ? { sku: key } : {}),
              ...(view.group === "sapErrorCode" ? { sapErrorCode: key } : {}),
            })
          }
        />
      )}
      <ErrorText error={list.error} />
      <div className="master-detail">
        <section>
          <div className="scroll">
            <table data-testid="failures-table">
              <thead>
                <tr>
                  <th>Key</th>
                  <th>State</th>
                  <SortTh field="createdAt" label="Age" state={sort} onSort={setSort} />
                  <th>Owner</th>
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
                      {f.tags.map((t) => (
                        <span key={t} className="badge">
                          {t}
                        </span>
                      ))}
                    </td>
                    <td>
                      <Badge value={f.state} />
                    </td>
                    <td title={fmtTime(f.createdAt)}>{fmtAge(f.createdAt)}</td>
                    <td>{f.assignee ?? "—"}</td>
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
                    <td colSpan={9} className="muted">
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
      <BulkDialog kind={bulk} filter={filter} onClose={() => setBulk(null)} onDone={invalidate} />
    </>
  );
}

/** The inbox's filter bar and its bulk actions; every choice goes into the URL (`go`). */
function InboxFilters({
  view,
  go,
  set,
  codes,
  onRetryAll,
  onBulk,
}: {
  view: InboxView;
  go: (next: InboxView) => void;
  set: (patch: Partial<Filter>) => void;
  codes: { code: string; count: number }[] | undefined;
  onRetryAll: () => void;
  onBulk: (kind: BulkKind) => void;
}) {
  const canOperate = useCan("operator");
  const filter = view.filter;
  // The search box keeps what is typed while the URL catches up (a replace per keystroke).
  const [qText, setQText] = useState(filter.q ?? "");
  return (
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
          value={filter.state ?? "all"}
          onChange={(e) =>
            go({
              ...view,
              filter: {
                ...filter,
                state: e.target.value === "all" ? undefined : (e.target.value as Filter["state"]),
              },
            })
          }
        >
          <option value="all">All</option>
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
          {filter.sapErrorCode && !codes?.some((c) => c.code === filter.sapErrorCode) && (
            <option value={filter.sapErrorCode}>{filter.sapErrorCode}</option>
          )}
          {codes?.map((c) => (
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
          onChange={(e) => set({ minAgeMinutes: e.target.value === "" ? undefined : Number(e.target.value) })}
        />
      </Field>
      <Field label="Newer than (min)">
        <input
          type="number"
          min={0}
          style={{ width: 90 }}
          value={filter.maxAgeMinutes ?? ""}
          onChange={(e) => set({ maxAgeMinutes: e.target.value === "" ? undefined : Number(e.target.value) })}
        />
      </Field>
      <Field label="Search key / message">
        <input
          type="search"
          value={qText}
          onChange={(e) => {
            setQText(e.target.value);
            set({ q: e.target.value || undefined });
          }}
        />
      </Field>
      <Field label="Group by cause">
        <select
          value={view.group ?? ""}
          onChange={(e) => go({ ...view, group: (e.target.value || undefined) as GroupBy | undefined })}
        >
          <option value="">No grouping</option>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABEL[g]}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        disabled={!canOperate}
        onClick={onRetryAll}
        title={canOperate ? undefined : "Needs the operator role"}
      >
        Retry all matching…
      </button>
      {(["discard", "assign", "tag"] as const).map((k) => (
        <button
          key={k}
          type="button"
          className={k === "discard" ? "danger" : "ghost"}
          disabled={!canOperate}
          onClick={() => onBulk(k)}
          title={canOperate ? undefined : "Needs the operator role"}
        >
          {BULK_TEXT[k].button}
        </button>
      ))}
    </search>
  );
}

const BULK_TEXT: Record<BulkKind, { button: string; title: string; states: string }> = {
  discard: {
    button: "Discard all matching…",
    title: "Discard all matching failures",
    states: "Only OPEN failures are discarded; this cannot be undone.",
  },
  assign: {
    button: "Assign matching…",
    title: "Assign all matching failures",
    states: "Only OPEN and RETRYING failures are assigned.",
  },
  tag: {
    button: "Tag matching…",
    title: "Tag all matching failures",
    states: "Only OPEN and RETRYING failures are tagged.",
  },
};

/** The filter's parts that came from a group or a link, each with a way to drop it. */
function ActiveFilters({ view, onClear }: { view: InboxView; onClear: (patch: Partial<Filter>) => void }) {
  const f = view.filter;
  const chips: [string, Partial<Filter>][] = [];
  if (f.endpointId) chips.push([`endpoint ${f.endpointId.slice(0, 8)}…`, { endpointId: undefined }]);
  if (f.sku) chips.push([`SKU ${f.sku}`, { sku: undefined }]);
  if (f.tag) chips.push([`tag ${f.tag}`, { tag: undefined }]);
  if (f.assignee !== undefined) chips.push([`owner ${f.assignee ?? "nobody"}`, { assignee: undefined }]);
  if (chips.length === 0) return null;
  return (
    <p className="row" data-testid="active-filters">
      {chips.map(([label, patch]) => (
        <button key={label} type="button" className="ghost" onClick={() => onClear(patch)}>
          {label} ✕
        </button>
      ))}
    </p>
  );
}

function CauseGroups({ by, onPick }: { by: GroupBy; onPick: (key: string) => void }) {
  const trpc = useTRPC();
  const groups = useQuery(trpc.failures.groups.queryOptions({ by }, { refetchInterval: 10_000 }));
  return (
    <section className="panel" aria-label={`Open failures by ${GROUP_LABEL[by]}`}>
      <ErrorText error={groups.error} />
      <table data-testid="failure-groups">
        <thead>
          <tr>
            <th>{GROUP_LABEL[by]}</th>
            <th className="num">Open</th>
            <th>Oldest</th>
          </tr>
        </thead>
        <tbody>
          {groups.data?.map((g) => (
            <tr key={g.key}>
              <td>
                <button type="button" className="link" onClick={() => onPick(g.key)}>
                  {g.label ? `${g.label} (${g.key.slice(0, 8)}…)` : g.key}
                </button>
              </td>
              <td className="num">{g.count}</td>
              <td title={fmtTime(g.oldestAt)}>{fmtAge(g.oldestAt)}</td>
            </tr>
          ))}
          {groups.data?.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No open failures to group.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** Bulk discard, assign or tag: the dry run (count and the oldest few) in the confirmation, a reason, the cap. */
function BulkDialog({
  kind,
  filter,
  onClose,
  onDone,
}: {
  kind: BulkKind | null;
  filter: Filter;
  onClose: () => void;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const canOperate = useCan("operator");
  const [assignee, setAssignee] = useState<"me" | "nobody">("me");
  const [tagText, setTagText] = useState("");
  const preview = useQuery({
    ...trpc.failures.bulkPreview.queryOptions({ action: kind ?? "discard", filter }),
    enabled: kind !== null && canOperate,
  });
  const [result, setResult] = useState<string | null>(null);
  const finish = (text: string) => {
    setResult(text);
    onClose();
    onDone();
  };
  const discardMany = useMutation(
    trpc.failures.discardMany.mutationOptions({
      onSuccess: (r) =>
        finish(`Bulk discard: ${r.discarded} discarded, ${r.failed} refused of ${r.matched} matched.`),
    }),
  );
  const assignMany = useMutation(
    trpc.failures.assignMany.mutationOptions({
      onSuccess: (r) => finish(`Bulk assign: ${r.changed} assigned.`),
    }),
  );
  const tagMany = useMutation(
    trpc.failures.tagMany.mutationOptions({ onSuccess: (r) => finish(`Bulk tag: ${r.changed} tagged.`) }),
  );
  const tags = tagText
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const pending = discardMany.isPending || assignMany.isPending || tagMany.isPending;
  const error = discardMany.error ?? assignMany.error ?? tagMany.error ?? preview.error;
  const count = preview.data?.count;
  const text = BULK_TEXT[kind ?? "discard"];
  const verb = kind === "discard" ? "Discard" : kind === "assign" ? "Assign" : "Tag";
  return (
    <>
      <ConfirmDialog
        open={kind !== null}
        title={text.title}
        confirmLabel={`${verb} ${count ?? "…"} failure(s)`}
        busy={pending || preview.isPending}
        error={error}
        onClose={onClose}
        onConfirm={(reason) => {
          if (kind === "discard") discardMany.mutate({ filter, reason });
          if (kind === "assign")
            assignMany.mutate({ filter, reason, assignee: assignee === "me" ? "me" : null });
          if (kind === "tag") tagMany.mutate({ filter, reason, add: tags });
        }}
      >
        <p data-testid="bulk-dry-run">
          Dry run: <strong>{preview.data ? preview.data.count : "counting…"}</strong> failure(s) match this
          filter. {text.states}
        </p>
        {preview.data?.overCap && (
          <p className="err" role="alert">
            More than {preview.data.cap} match: a bulk action takes at most {preview.data.cap}. Narrow the
            filter.
          </p>
        )}
        {preview.data && preview.data.sample.length > 0 && (
          <ul className="timeline" aria-label="Oldest that would be changed">
            {preview.data.sample.map((r) => (
              <li key={r.id}>
                {r.entityKey ?? r.id.slice(0, 8)} · {r.flow} · {r.state} · {fmtAge(r.createdAt)}
              </li>
            ))}
          </ul>
        )}
        {kind === "assign" && (
          <Field label="Owner">
            <select value={assignee} onChange={(e) => setAssignee(e.target.value as "me" | "nobody")}>
              <option value="me">Me</option>
              <option value="nobody">Nobody (unassign)</option>
            </select>
          </Field>
        )}
        {kind === "tag" && (
          <Field label="Tags to add">
            <input value={tagText} onChange={(e) => setTagText(e.target.value)} placeholder="sap-outage" />
          </Field>
        )}
      </ConfirmDialog>
      {result && <p role="status">{result}</p>}
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
  const assign = useMutation(trpc.failures.assign.mutationOptions({ onSuccess: done }));
  const tagOne = useMutation(
    trpc.failures.tag.mutationOptions({
      onSuccess: () => {
        setNewTag("");
        done();
      },
    }),
  );
  const [newTag, setNewTag] = useState("");
  if (detail.isPending) return <p>Loading…</p>;
  if (!detail.data) return <ErrorText error={detail.error ?? { message: "Not found." }} />;
  const f = detail.data;
  const open = f.state === "OPEN";
  const unsettled = f.state === "OPEN" || f.state === "RETRYING";
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
      <div className="row" data-testid="failure-owner">
        <span>
          Owner: <strong>{f.assignee ?? "nobody"}</strong>
        </span>
        <button
          type="button"
          className="ghost"
          disabled={!canOperate || !unsettled || assign.isPending}
          onClick={() => assign.mutate({ id: f.id, assignee: "me" })}
        >
          Assign to me
        </button>
        <button
          type="button"
          className="ghost"
          disabled={!canOperate || !unsettled || f.assignee === null || assign.isPending}
          onClick={() => assign.mutate({ id: f.id, assignee: null })}
        >
          Unassign
        </button>
        <span>Tags:</span>
        {f.tags.map((t) => (
          <button
            key={t}
            type="button"
            className="ghost"
            aria-label={`Remove tag ${t}`}
            disabled={!canOperate || !unsettled}
            onClick={() => tagOne.mutate({ id: f.id, remove: [t] })}
          >
            {t} ✕
          </button>
        ))}
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (newTag.trim()) tagOne.mutate({ id: f.id, add: [newTag.trim()] });
          }}
        >
          <input
            aria-label="New tag"
            value={newTag}
            onChange={(e) => setNewTag(e.target.value)}
            disabled={!canOperate || !unsettled}
            style={{ width: 120 }}
          />
          <button type="submit" className="ghost" disabled={!canOperate || !unsettled || !newTag.trim()}>
            Add tag
          </button>
        </form>
      </div>
      <ErrorText error={assign.error ?? tagOne.error} />
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
