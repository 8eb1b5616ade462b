"use client";
import type { AppRouter } from "@icp/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, type DataTableColumn, dataTableColumns } from "./data-table";
import { serverSort, tableSort } from "./data-table-nav";
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
import { isHeld, notify, notifyPending } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, fmtTime, needs, Pager, type SortState, useCan } from "./ui";

const SORTABLE = ["createdAt", "updatedAt", "attempts", "flow", "errorClass"] as const;
type SortField = (typeof SORTABLE)[number];
type FailureRow = inferRouterOutputs<AppRouter>["failures"]["list"]["rows"][number];

/** "Everything matching" loads the inbox page by page (the API's largest page) up to this many. */
export const EVERYTHING_CAP = 10_000;
const BIG_PAGE = 200;
const PAGE_SIZE = 25;
const NO_ROWS: FailureRow[] = [];

const col = dataTableColumns<FailureRow>();
/** The inbox's columns; `local` adds column filters (for the loaded "everything matching" rows). */
function failureColumns(local: boolean): DataTableColumn<FailureRow>[] {
  return col.columns([
    col.accessor((f) => f.entityKey ?? f.id.slice(0, 8), {
      id: "key",
      header: "Key",
      enableSorting: local,
      meta: local ? { filter: "text" } : {},
      cell: ({ row: { original: f } }) => (
        <>
          <Link href={`/failures/${f.id}`} className="link">
            {f.entityKey ?? f.id.slice(0, 8)}
          </Link>
          {f.tags.map((t) => (
            <span key={t} className="badge">
              {t}
            </span>
          ))}
        </>
      ),
    }),
    col.accessor("state", {
      header: "State",
      enableSorting: local,
      meta: local ? { filter: STATES } : {},
      cell: (c) => <Badge value={c.getValue()} />,
    }),
    col.accessor((f) => new Date(f.createdAt).getTime(), {
      id: "createdAt",
      header: "Age",
      sortDescFirst: true,
      cell: ({ row: { original: f } }) => <span title={fmtTime(f.createdAt)}>{fmtAge(f.createdAt)}</span>,
    }),
    col.accessor((f) => f.assignee ?? "—", {
      id: "owner",
      header: "Owner",
      enableSorting: local,
      meta: local ? { filter: "text" } : {},
    }),
    col.accessor("flow", { header: "Flow", meta: local ? { filter: FLOWS } : {} }),
    col.accessor("errorClass", {
      header: "Class",
      meta: local ? { filter: CLASSES } : {},
      cell: (c) => <Badge value={c.getValue()} />,
    }),
    col.accessor((f) => f.sapErrorCode ?? "—", {
      id: "sapErrorCode",
      header: "SAP code",
      enableSorting: local,
      meta: local ? { filter: "text" } : {},
    }),
    col.accessor("attempts", { header: "Att.", meta: { num: true } }),
    col.accessor("message", {
      header: "Message",
      enableSorting: false,
      meta: {
        ...(local ? { filter: "text" as const } : {}),
        style: { maxWidth: 260, overflow: "hidden", textOverflow: "ellipsis" },
      },
    }),
  ]);
}
const PAGED_COLUMNS = failureColumns(false);
const LOCAL_COLUMNS = failureColumns(true);
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
  const [everything, setEverything] = useState(false);
  const canOperate = useCan("failures.retry");
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
      onSuccess: (r) => {
        setBulkOpen(false);
        if (isHeld(r)) notifyPending(r, "Bulk retry");
        else notify(`Bulk retry: ${r.retried} retried, ${r.failed} refused of ${r.matched} matched.`);
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
      <FailureList
        filter={filter}
        sort={sort}
        onSort={(next) => {
          setSort(next);
          setPage(1);
        }}
        page={page}
        onPage={setPage}
        everything={everything}
        onEverything={setEverything}
      />
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
  const canRetry = useCan("failures.retry");
  const canDiscard = useCan("failures.discard");
  const canTriage = useCan("failures.assign");
  const canBulk: Record<BulkKind, boolean> = { discard: canDiscard, assign: canTriage, tag: canTriage };
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
        {/* failures.list's q: the failure's key or message, and its order's business keys. */}
        <input
          type="search"
          placeholder="order id / PO, SAP document, customer, SKU"
          title="Finds a failure by its key or message, or its order's id / PO number, SAP sales order, customer or a SKU"
          style={{ minWidth: 280 }}
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
        disabled={!canRetry}
        onClick={onRetryAll}
        title={canRetry ? undefined : needs("failures.retry")}
      >
        Retry all matching…
      </button>
      {(["discard", "assign", "tag"] as const).map((k) => (
        <button
          key={k}
          type="button"
          className={k === "discard" ? "danger" : "ghost"}
          disabled={!canBulk[k]}
          onClick={() => onBulk(k)}
          title={canBulk[k] ? undefined : needs(k === "discard" ? "failures.discard" : "failures.assign")}
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
  const canOperate = useCan(kind === "discard" ? "failures.discard" : "failures.assign");
  const [assignee, setAssignee] = useState<"me" | "nobody">("me");
  const [tagText, setTagText] = useState("");
  const preview = useQuery({
    ...trpc.failures.bulkPreview.queryOptions({ action: kind ?? "discard", filter }),
    enabled: kind !== null && canOperate,
  });
  const finish = (text: string) => {
    notify(text);
    onClose();
    onDone();
  };
  const discardMany = useMutation(
    trpc.failures.discardMany.mutationOptions({
      onSuccess: (r) => {
        if (!isHeld(r)) {
          finish(`Bulk discard: ${r.discarded} discarded, ${r.failed} refused of ${r.matched} matched.`);
          return;
        }
        notifyPending(r, "Bulk discard");
        onClose();
      },
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
  );
}

/**
 * The inbox's rows: a page at a time (the server sorts), or "everything matching" — every page
 * loaded, up to EVERYTHING_CAP, into one virtualised table that sorts and filters by column in
 * the browser. A row (click, or Enter on it) opens the failure at its own URL, /failures/<id>.
 */
function FailureList({
  filter,
  sort,
  onSort,
  page,
  onPage,
  everything,
  onEverything,
}: {
  filter: Filter;
  sort: SortState<SortField>;
  onSort: (s: SortState<SortField>) => void;
  page: number;
  onPage: (p: number) => void;
  everything: boolean;
  onEverything: (all: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery({
    ...trpc.failures.list.queryOptions(
      { page, pageSize: PAGE_SIZE, filter, ...sort },
      { refetchInterval: 5_000, placeholderData: keepPreviousData },
    ),
    enabled: !everything,
  });
  const all = useEverythingMatching(filter, sort, everything);
  const rows = everything ? (all.data?.rows ?? NO_ROWS) : (list.data?.rows ?? NO_ROWS);
  return (
    <section>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <Field label="Rows">
          <select
            value={everything ? "all" : "page"}
            onChange={(e) => onEverything(e.target.value === "all")}
          >
            <option value="page">{PAGE_SIZE} per page</option>
            <option value="all">Everything matching (up to {EVERYTHING_CAP.toLocaleString("en")})</option>
          </select>
        </Field>
        {everything && (
          <span className="muted" data-testid="everything-status" role="status">
            {all.isFetching
              ? `Loading… ${(all.data?.rows.length ?? 0).toLocaleString("en")} rows`
              : all.data
                ? `${all.data.rows.length.toLocaleString("en")} of ${all.data.total.toLocaleString("en")} matching loaded${
                    all.data.total > EVERYTHING_CAP ? " (narrow the filter for the rest)" : ""
                  }`
                : ""}
          </span>
        )}
      </div>
      <ErrorText error={everything ? all.error : list.error} />
      <DataTable
        key={everything ? "all" : "page"}
        label="Failures"
        testId="failures-table"
        data={rows}
        columns={everything ? LOCAL_COLUMNS : PAGED_COLUMNS}
        getRowId={(f) => f.id}
        onRowActivate={(f) => router.push(`/failures/${f.id}`)}
        {...(everything
          ? { initialSorting: tableSort(sort) }
          : {
              manualSorting: true,
              sorting: tableSort(sort),
              onSortingChange: (next) => onSort(serverSort(next, SORTABLE, sort)),
            })}
        empty={everything && all.isFetching ? "Loading…" : "No failures match."}
      />
      {!everything && list.data && (
        <Pager page={list.data.page} pages={list.data.pages} total={list.data.total} onPage={onPage} />
      )}
    </section>
  );
}

/** Every failure matching the filter, read with the API's largest page, 4 pages at a time. */
function useEverythingMatching(filter: Filter, sort: SortState<SortField>, enabled: boolean) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...trpc.failures.list.pathKey(), "everything", { filter, sort }],
    enabled,
    staleTime: 30_000,
    queryFn: async () => {
      const fetchPage = (p: number) =>
        qc.fetchQuery(trpc.failures.list.queryOptions({ page: p, pageSize: BIG_PAGE, filter, ...sort }));
      const first = await fetchPage(1);
      const pages = Math.min(first.pages, Math.ceil(EVERYTHING_CAP / BIG_PAGE));
      const rest: (typeof first)[] = [];
      for (let p = 2; p <= pages; p += 4) {
        const batch = [p, p + 1, p + 2, p + 3].filter((n) => n <= pages);
        rest.push(...(await Promise.all(batch.map(fetchPage))));
      }
      // Offsets over a changing set can repeat a row across pages: keep each id once.
      const seen = new Set<string>();
      const rows = [first, ...rest]
        .flatMap((r) => r.rows)
        .filter((f) => !seen.has(f.id) && seen.add(f.id))
        .slice(0, EVERYTHING_CAP);
      return { rows, total: first.total };
    },
  });
}
