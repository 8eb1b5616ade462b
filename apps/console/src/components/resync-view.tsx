"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import {
  Badge,
  ConfirmDialog,
  ErrorText,
  fmtDuration,
  fmtTime,
  Pager,
  Progress,
  type SortState,
  SortTh,
  useCan,
} from "./ui";

const ENTITIES = ["PRODUCTS", "PRICES", "STOCK", "CUSTOMERS"] as const;
type Entity = (typeof ENTITIES)[number];

export function ResyncView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canOperate = useCan("operator");
  const active = useQuery(trpc.resync.active.queryOptions(undefined, { refetchInterval: 2_000 }));
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<Entity | undefined>();
  const [sort, setSort] = useState<SortState<"createdAt" | "finishedAt" | "processed" | "failed">>({
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
  const start = useMutation(trpc.resync.start.mutationOptions({ onSuccess: () => void refresh() }));
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
                    onClick={() => start.mutate({ entity: a.entity, mode: "FULL" })}
                  >
                    Full resync
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
          <label className="muted">
            Entity{" "}
            <select
              value={entity ?? ""}
              onChange={(e) => {
                setEntity((e.target.value || undefined) as Entity | undefined);
                setPage(1);
              }}
            >
              <option value="">All</option>
              {ENTITIES.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="scroll">
          <table data-testid="resync-history">
            <thead>
              <tr>
                <SortTh field="createdAt" label="Started" state={sort} onSort={setSort} />
                <th>Entity</th>
                <th>Mode</th>
                <th>State</th>
                <SortTh field="processed" label="Processed" state={sort} onSort={setSort} num />
                <th className="num">Total</th>
                <SortTh field="failed" label="Failed" state={sort} onSort={setSort} num />
                <th>Duration</th>
                <th>By</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {history.data?.rows.map((r) => (
                <tr key={r.id}>
                  <td>{fmtTime(r.createdAt)}</td>
                  <td>{r.entity}</td>
                  <td>{r.mode}</td>
                  <td>
                    <Badge value={r.state} />
                  </td>
                  <td className="num">{r.processed}</td>
                  <td className="num">{r.total ?? "—"}</td>
                  <td className="num">{r.failed}</td>
                  <td>{fmtDuration(r.durationMs)}</td>
                  <td>{r.startedBy}</td>
                  <td className="err">{r.error ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
