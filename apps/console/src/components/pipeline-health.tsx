"use client";
import type { AppRouter } from "@icp/api";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";

type Lag = inferRouterOutputs<AppRouter>["pipeline"]["health"]["lag"][number];
const col = dataTableColumns<Lag>();
const LAG_COLUMNS = col.columns([
  col.accessor("group", { header: "Group", meta: { filter: "text" } }),
  col.accessor("topic", { header: "Topic", meta: { filter: "text" } }),
  col.accessor("partition", { header: "Partition", meta: { num: true } }),
  col.accessor((p) => Number(p.committed), {
    id: "committed",
    header: "Committed",
    meta: { num: true },
    cell: (c) => (c.getValue() < 0 ? "—" : String(c.row.original.committed)),
  }),
  col.accessor((p) => Number(p.end), {
    id: "end",
    header: "End",
    meta: { num: true },
    cell: (c) => String(c.row.original.end),
  }),
  col.accessor((p) => Number(p.lag), {
    id: "lag",
    header: "Lag",
    meta: { num: true },
    cell: (c) => String(c.row.original.lag),
  }),
]);

export function PipelineHealth() {
  const trpc = useTRPC();
  const health = useQuery(trpc.pipeline.health.queryOptions(undefined, { refetchInterval: 3_000 }));
  if (health.isPending) return <p>Loading pipeline…</p>;
  if (health.isError)
    return (
      <p className="err" role="alert">
        Could not load the pipeline: {health.error.message}
      </p>
    );
  const { lag, queues, totalLag, at } = health.data;
  return (
    <>
      <div className="cards">
        <div className="card">
          <h2>Total consumer lag</h2>
          <div className="big" data-testid="total-lag">
            {totalLag.toLocaleString()}
          </div>
        </div>
        {queues.map((q) => (
          <div className="card" key={q.queue}>
            <h2>{q.queue}</h2>
            <div>
              waiting <strong>{q.waiting}</strong> · active <strong>{q.active}</strong> · delayed{" "}
              <strong className={q.delayed ? "err" : undefined} data-testid={`delayed-${q.queue}`}>
                {q.delayed}
              </strong>{" "}
              · failed <strong className={q.failed ? "err" : undefined}>{q.failed}</strong>
            </div>
          </div>
        ))}
      </div>
      <section>
        <h2>Kafka lag by partition</h2>
        <DataTable
          label="Kafka lag by partition"
          testId="lag-table"
          data={lag}
          columns={LAG_COLUMNS}
          getRowId={(p) => `${p.group}/${p.topic}/${p.partition}`}
          initialSorting={[{ id: "lag", desc: true }]}
          maxHeight={420}
          empty="No consumer groups with offsets."
        />
      </section>
      <p style={{ color: "var(--muted)", fontSize: 12 }}>Updated {at.toLocaleTimeString()}</p>
    </>
  );
}
