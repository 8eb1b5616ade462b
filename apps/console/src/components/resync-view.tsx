"use client";
import type { AppRouter } from "@icp/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { serverSort, tableSort } from "./data-table-nav";
import { isHeld, notify, notifyPending } from "./toast";
import {
  Badge,
  ConfirmDialog,
  ErrorText,
  FilterSelect,
  fmtDuration,
  fmtTime,
  Pager,
  Progress,
  type SortState,
  useCan,
} from "./ui";

const ENTITIES = ["PRODUCTS", "PRICES", "STOCK", "CUSTOMERS"] as const;
type Entity = (typeof ENTITIES)[number];
const SORTABLE = ["createdAt", "finishedAt", "processed", "failed"] as const;
type SortField = (typeof SORTABLE)[number];

type Run = inferRouterOutputs<AppRouter>["resync"]["list"]["rows"][number];
const NO_RUNS: Run[] = [];
const col = dataTableColumns<Run>();
const HISTORY_COLUMNS = col.columns([
  col.accessor("createdAt", { header: "Started", cell: (c) => fmtTime(c.getValue()) }),
  col.accessor("entity", { header: "Entity", enableSorting: false }),
  col.accessor("mode", { header: "Mode", enableSorting: false }),
  col.accessor("state", {
    header: "State",
    enableSorting: false,
    cell: (c) => <Badge value={c.getValue()} />,
  }),
  col.accessor("processed", { header: "Processed", meta: { num: true } }),
  col.accessor("total", {
    header: "Total",
    enableSorting: false,
    meta: { num: true },
    cell: (c) => c.getValue() ?? "—",
  }),
  col.accessor("failed", { header: "Failed", meta: { num: true } }),
  col.accessor("durationMs", {
    header: "Duration",
    enableSorting: false,
    cell: (c) => fmtDuration(c.getValue()),
  }),
  col.accessor("startedBy", { header: "By", enableSorting: false }),
  col.accessor("error", {
    header: "Error",
    enableSorting: false,
    cell: (c) => <span className="err">{c.getValue() ?? ""}</span>,
  }),
]);

export function ResyncView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canOperate = useCan("resync.start");
  const active = useQuery(trpc.resync.active.queryOptions(undefined, { refetchInterval: 2_000 }));
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<Entity | undefined>();
  const [sort, setSort] = useState<SortState<SortField>>({
    sort: "createdAt",
    dir: "desc",
  });
  const history = useQuery(
    trpc.resync.list.queryOptions(
      { page, pageSize: 20, ...sort, ...(entity ? { entity } : {}) },
      { refetchInterval: 3_000, placeholderData: keepPreviousData },
    ),
  );
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.resync.pathKey() });
  const [fullFor, setFullFor] = useState<Entity | null>(null);
  const start = useMutation(
    trpc.resync.start.mutationOptions({
      onSuccess: (run) => {
        setFullFor(null);
        if (isHeld(run)) notifyPending(run, "Full resync");
        else notify(`${run.entity} ${run.mode.toLowerCase()} resync queued.`);
        void refresh();
      },
    }),
  );
  const [cancelRun, setCancelRun] = useState<{ id: string; entity: string } | null>(null);
  const cancel = useMutation(
    trpc.resync.cancel.mutationOptions({
      onSuccess: () => {
        setCancelRun(null);
        void refresh();
      },
    }),
  );
  return (
    <>
      <ErrorText error={start.error ?? active.error ?? history.error} />
      <div className="cards">
        {active.data?.map((a) => (
          <div className="card" key={a.entity} data-testid={`resync-${a.entity}`}>
            <h2>{a.entity}</h2>
            {a.run ? (
              <>
                <p style={{ margin: "0 0 6px" }}>
                  <Badge value={a.run.state} /> {a.run.mode} · by {a.run.startedBy}
                </p>
                <Progress value={a.run.processed} max={a.run.total} label={`${a.entity} progress`} />
                <div className="row end">
                  <button
                    type="button"
                    className="danger small"
                    disabled={!canOperate}
                    onClick={() => setCancelRun({ id: a.run?.id ?? "", entity: a.entity })}
                  >
                    Cancel…
                  </button>
                </div>
              </>
            ) : (
              <>
                <p className="muted" style={{ margin: "0 0 6px" }}>
                  Idle · delta watermark {fmtTime(a.watermark)}
                </p>
                <div className="row">
                  <button
                    type="button"
                    className="small"
                    disabled={!canOperate || start.isPending}
                    onClick={() => start.mutate({ entity: a.entity, mode: "DELTA" })}
                  >
                    Delta resync
                  </button>
                  <button
                    type="button"
                    className="ghost small"
                    disabled={!canOperate || start.isPending}
                    onClick={() => setFullFor(a.entity)}
                  >
                    Full resync…
                  </button>
                </div>
              </>
            )}
          </div>
        ))}
      </div>
      <section>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 style={{ fontSize: 15, margin: 0 }}>History</h2>
          <FilterSelect
            label="Entity"
            value={entity}
            options={ENTITIES}
            onChange={(v) => {
              setEntity(v);
              setPage(1);
            }}
          />
        </div>
        <DataTable
          label="Resync history"
          testId="resync-history"
          data={history.data?.rows ?? NO_RUNS}
          columns={HISTORY_COLUMNS}
          getRowId={(r) => r.id}
          manualSorting
          sorting={tableSort(sort)}
          onSortingChange={(next) => setSort(serverSort(next, SORTABLE, sort))}
          empty="No resyncs yet."
        />
        {history.data && (
          <Pager
            page={history.data.page}
            pages={history.data.pages}
            total={history.data.total}
            onPage={setPage}
          />
        )}
      </section>
      <ConfirmDialog
        open={fullFor !== null}
        title={`Full resync of ${fullFor ?? ""}`}
        confirmLabel="Start full resync"
        tone="primary"
        busy={start.isPending}
        error={start.error}
        onClose={() => {
          setFullFor(null);
          start.reset();
        }}
        onConfirm={(reason) => fullFor && start.mutate({ entity: fullFor, mode: "FULL", reason })}
      >
        <p>
          Every {fullFor?.toLowerCase()} record is read again from SAP, page by page, and rewritten in the
          read model: minutes of SAP load. A delta resync reads only what changed since the watermark.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={cancelRun !== null}
        title={`Cancel the ${cancelRun?.entity} resync`}
        confirmLabel="Cancel run"
        busy={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelRun(null)}
        onConfirm={(reason) => cancelRun && cancel.mutate({ id: cancelRun.id, reason })}
      >
        <p>The worker stops after the page it is on; the watermark does not move.</p>
      </ConfirmDialog>
    </>
  );
}
