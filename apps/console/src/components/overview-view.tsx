"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { TimeToDrain } from "./drain-view";
import { LineChart, type Series } from "./line-chart";
import { PipelineHealth } from "./pipeline-health";
import { Badge, ErrorText, fmtAgo } from "./ui";

const QUEUE_FIELDS = ["waiting", "active", "failed", "delayed"] as const;

export function OverviewView() {
  const trpc = useTRPC();
  const [minutes, setMinutes] = useState(60);
  const flows = useQuery(trpc.overview.flows.queryOptions(undefined, { refetchInterval: 10_000 }));
  const alerts = useQuery(trpc.overview.alerts.queryOptions(undefined, { refetchInterval: 5_000 }));
  const sap = useQuery(trpc.overview.sap.queryOptions(undefined, { refetchInterval: 5_000 }));
  const lag = useQuery(trpc.overview.lagHistory.queryOptions({ minutes }, { refetchInterval: 10_000 }));
  const thresholds = useQuery(trpc.overview.thresholds.queryOptions(undefined, { refetchInterval: 60_000 }));
  const lagLine = thresholds.data?.consumer_lag.enabled
    ? { value: thresholds.data.consumer_lag.threshold, label: "lag alert threshold" }
    : undefined;
  const delayedLine = thresholds.data?.backlog_delayed.enabled
    ? { value: thresholds.data.backlog_delayed.threshold, label: "delayed alert threshold" }
    : undefined;
  const qh = useQuery(trpc.queues.history.queryOptions({ minutes }, { refetchInterval: 10_000 }));
  const [queueField, setQueueField] = useState<(typeof QUEUE_FIELDS)[number]>("waiting");

  const queueSeries: Series[] = [];
  for (const s of qh.data ?? []) {
    let series = queueSeries.find((x) => x.name === s.queue);
    if (!series) {
      series = { name: s.queue, points: [] };
      queueSeries.push(series);
    }
    series.points.push({ t: s.at, v: s[queueField] });
  }

  return (
    <>
      <section aria-labelledby="alerts-h">
        <h2 id="alerts-h">Active alerts</h2>
        <ErrorText error={alerts.error} />
        {alerts.data?.alerts.length === 0 && <p className="muted">No active alerts.</p>}
        <div data-testid="active-alerts">
          {alerts.data?.alerts.map((a) => (
            <div key={a.id} className={`alert ${a.severity}`} role="alert" data-alert={a.id}>
              <strong>{a.title}</strong> — {a.detail} <a href={a.href}>Open</a>
              {a.since && <span className="muted"> · firing since {fmtAgo(a.since)}</span>}
            </div>
          ))}
        </div>
        {alerts.data && alerts.data.unavailable.length > 0 && (
          <p className="muted">Could not check: {alerts.data.unavailable.join(", ")}.</p>
        )}
      </section>
      <section aria-labelledby="flows-h">
        <h2 id="flows-h">Flows</h2>
        <ErrorText error={flows.error} />
        <div className="cards" data-testid="flows">
          <SapCard sap={sap.data} error={sap.error} />
          {flows.data?.map((f) => (
            <div className="card" key={f.id}>
              <h2>
                {f.label} <Badge value={f.health} />
              </h2>
              <div>
                <strong>{f.throughputPerMin}</strong>/min (15 min) · {f.last60.successes} ok /{" "}
                {f.last60.errors} errors in 1 h
              </div>
              <div className="muted">
                error rate {(f.errorRate * 100).toFixed(1)}% · last success {fmtAgo(f.lastSuccess)}
              </div>
            </div>
          ))}
        </div>
      </section>
      <section>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 style={{ fontSize: 15, margin: 0 }}>Kafka consumer lag over time</h2>
          <label className="muted">
            Window{" "}
            <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              <option value={15}>15 min</option>
              <option value={60}>1 h</option>
              <option value={360}>6 h</option>
              <option value={1440}>24 h</option>
            </select>
          </label>
        </div>
        <ErrorText error={lag.error} />
        {lag.data && (
          <LineChart
            label="Consumer lag by group and topic"
            series={lag.data}
            threshold={lagLine}
            unit="messages"
          />
        )}
      </section>
      <TimeToDrain minutes={minutes} sap={sap.data} />
      <section>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 style={{ fontSize: 15, margin: 0 }}>BullMQ queues over time</h2>
          <label className="muted">
            Count{" "}
            <select
              value={queueField}
              onChange={(e) => setQueueField(e.target.value as (typeof QUEUE_FIELDS)[number])}
            >
              {QUEUE_FIELDS.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
        </div>
        <ErrorText error={qh.error} />
        {qh.data && (
          <LineChart
            label={`Queue ${queueField} jobs`}
            series={queueSeries}
            threshold={queueField === "delayed" ? delayedLine : undefined}
            unit="jobs"
          />
        )}
      </section>
      <PipelineHealth />
    </>
  );
}

type SapStatus = {
  reachable: boolean;
  latencyMs: number | null;
  status?: number | undefined;
  breaker: string;
  error?: string | undefined;
  verdict: "ok" | "degraded" | "down";
  creates: { errors: number; successes: number; delayed: number | null };
};

/** SAP as the pipeline lives it: an answering HEAD is not enough when the creates fail. */
function SapCard({ sap, error }: { sap: SapStatus | undefined; error: { message: string } | null }) {
  return (
    <div className={`card ${sap?.verdict === "down" ? "card-bad" : ""}`} data-testid="sap-card">
      <h2>SAP {sap && <Badge value={sap.verdict} />}</h2>
      {sap ? (
        <>
          <div>
            creates last min <strong>{sap.creates.successes}</strong> ok /{" "}
            <strong className={sap.creates.errors ? "err" : undefined}>{sap.creates.errors}</strong> failed ·
            delayed <strong>{sap.creates.delayed ?? "—"}</strong>
          </div>
          <div>
            latency <strong>{sap.latencyMs ?? "—"} ms</strong> · HTTP {sap.status ?? "—"}
          </div>
          <div className="muted">
            circuit breaker <Badge value={sap.breaker} />
            {sap.error ? ` · ${sap.error}` : ""}
          </div>
        </>
      ) : (
        <ErrorText error={error} />
      )}
    </div>
  );
}
