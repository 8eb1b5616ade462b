"use client";
/**
 * Time to drain on the Overview (issue 19): per queue and consumer group/topic, the backlog over
 * the throughput the worker measured over the last minute — charted over the window with the
 * alert threshold, the current figures in a table — and beside it what bounds that throughput
 * towards SAP: the concurrency cap every worker shares, the slots in use now, the breaker.
 */
import type { AppRouter } from "@icp/api";
import { drainExceeds, fmtDrain, fmtSeconds } from "@icp/domain/drain";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/client";
import { drainChart } from "./charts/drain";
import { DataTable, dataTableColumns } from "./data-table";
import { LineChart } from "./line-chart";
import { Badge, ErrorText } from "./ui";

type Outputs = inferRouterOutputs<AppRouter>;
type DrainRow = Outputs["overview"]["drain"]["rows"][number] & { over: boolean };
type Sap = Outputs["overview"]["sap"];

const col = dataTableColumns<DrainRow>();
const COLUMNS = col.columns([
  col.accessor((r) => (r.kind === "QUEUE" ? "queue" : "topic"), {
    id: "kind",
    header: "Kind",
    meta: { filter: ["queue", "topic"] },
  }),
  col.accessor("name", { header: "Queue / group and topic", meta: { filter: "text" } }),
  col.accessor("backlog", {
    header: "Backlog",
    meta: { num: true },
    cell: (c) => c.getValue().toLocaleString("en"),
  }),
  col.accessor((r) => r.perSecond ?? -1, {
    id: "perSecond",
    header: "Throughput /s",
    meta: { num: true },
    cell: (c) => {
      const v = c.row.original.perSecond;
      return v === null ? "—" : v.toLocaleString("en", { maximumFractionDigits: 2 });
    },
  }),
  // stalled sorts above every finite time, unknown below
  col.accessor((r) => (r.stalled ? Number.MAX_VALUE : (r.seconds ?? -1)), {
    id: "seconds",
    header: "Time to drain",
    meta: { num: true },
    cell: (c) => <span data-testid="drain-time">{fmtDrain(c.row.original)}</span>,
  }),
  col.accessor((r) => (r.over ? "alerting" : "ok"), {
    id: "state",
    header: "Alert",
    cell: (c) => (
      <Badge value={c.row.original.over ? (c.row.original.stalled ? "critical" : "warning") : "ok"} />
    ),
  }),
]);

export function TimeToDrain({ minutes, sap }: { minutes: number; sap: Sap | undefined }) {
  const trpc = useTRPC();
  const now = useQuery(trpc.overview.drain.queryOptions(undefined, { refetchInterval: 5_000 }));
  const history = useQuery(trpc.overview.drainHistory.queryOptions({ minutes }, { refetchInterval: 10_000 }));
  const threshold = now.data?.threshold;
  const limit = threshold?.enabled ? threshold.threshold : undefined;
  const rows = useMemo(
    () =>
      (now.data?.rows ?? []).map((r) => ({
        ...r,
        over: limit !== undefined && drainExceeds(r, limit),
      })),
    [now.data, limit],
  );
  const chart = useMemo(() => drainChart(history.data ?? [], limit), [history.data, limit]);
  return (
    <section aria-labelledby="drain-h" data-testid="time-to-drain">
      <h2 id="drain-h" style={{ fontSize: 15 }}>
        Time to drain
      </h2>
      <p className="muted">
        Each backlog over the throughput of the last minute: BullMQ jobs waiting or running over the jobs
        finished, a consumer group's lag over the offsets it consumed. ∞ / stalled: work waits and nothing
        moved.
      </p>
      <div className="cards">
        <SapCapacity sap={sap} />
        <div className="card">
          <h2>Alert threshold</h2>
          <div className="big">{threshold ? fmtSeconds(threshold.threshold) : "—"}</div>
          <div className="muted">
            {threshold?.enabled === false ? "switched off" : "Settings → Alerts, time_to_drain"}
          </div>
        </div>
      </div>
      <ErrorText error={history.error} />
      {history.data && (
        <LineChart
          label="Time to drain by queue and consumer group"
          series={chart.series}
          threshold={limit !== undefined ? { value: limit, label: "drain alert threshold" } : undefined}
          unit="seconds"
          format={chart.format}
        />
      )}
      <ErrorText error={now.error} />
      <DataTable
        label="Time to drain now"
        testId="drain-table"
        data={rows}
        columns={COLUMNS}
        getRowId={(r) => `${r.kind}:${r.name}`}
        initialSorting={[{ id: "seconds", desc: true }]}
        maxHeight={360}
        empty="No samples yet (the worker samples every few seconds)."
      />
    </section>
  );
}

/** What bounds the orders' throughput towards SAP: the shared cap, the slots held now, the breaker. */
function SapCapacity({ sap }: { sap: Sap | undefined }) {
  const slots = sap?.slots ?? null;
  const full = slots !== null && slots.inUse >= slots.limit;
  return (
    <div className={`card ${sap?.breaker === "open" ? "card-bad" : ""}`} data-testid="drain-sap">
      <h2>SAP capacity</h2>
      <div>
        concurrency cap <strong data-testid="sap-cap">{slots ? slots.limit : "—"}</strong> · slots in use{" "}
        <strong data-testid="sap-slots-in-use" className={full ? "err" : undefined}>
          {slots ? slots.inUse : "—"}
        </strong>
      </div>
      <div className="muted">
        circuit breaker <Badge value={sap?.breaker ?? "unknown"} />
        {slots ? (full ? " · every slot busy: SAP bounds the throughput" : "") : " · no worker reported"}
      </div>
    </div>
  );
}
