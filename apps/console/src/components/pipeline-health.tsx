"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/client";

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
        <div className="scroll">
          <table data-testid="lag-table">
            <thead>
              <tr>
                <th>Group</th>
                <th>Topic</th>
                <th className="num">Partition</th>
                <th className="num">Committed</th>
                <th className="num">End</th>
                <th className="num">Lag</th>
              </tr>
            </thead>
            <tbody>
              {lag.map((p) => (
                <tr key={`${p.group}/${p.topic}/${p.partition}`}>
                  <td>{p.group}</td>
                  <td>{p.topic}</td>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.committed < 0 ? "—" : p.committed}</td>
                  <td className="num">{p.end}</td>
                  <td className="num">{p.lag}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p style={{ color: "var(--muted)", fontSize: 12 }}>Updated {at.toLocaleTimeString()}</p>
    </>
  );
}
