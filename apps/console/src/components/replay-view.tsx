"use client";
import type { AppRouter } from "@icp/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, fmtTime, Pager, Progress, useCan } from "./ui";

type Run = inferRouterOutputs<AppRouter>["replay"]["list"]["rows"][number];
const NO_RUNS: Run[] = [];
const col = dataTableColumns<Run>();
const RUN_COLUMNS = col.columns([
  col.accessor("createdAt", { header: "Requested", cell: (c) => fmtTime(c.getValue()) }),
  col.accessor("topic", { header: "Topic" }),
  col.display({
    id: "range",
    header: "Range",
    cell: ({ row: { original: r } }) =>
      `p${r.partition ?? "*"} ${
        r.fromOffset !== null
          ? `${r.fromOffset}→${r.toOffset}`
          : `${fmtTime(r.fromTime)} → ${fmtTime(r.toTime)}`
      }`,
  }),
  col.accessor("state", { header: "State", cell: (c) => <Badge value={c.getValue()} /> }),
  col.display({
    id: "progress",
    header: "Progress",
    meta: { style: { minWidth: 140 } },
    cell: ({ row: { original: r } }) => (
      <Progress value={r.replayed + r.skipped + r.failed} max={r.matched || null} label={`replay ${r.id}`} />
    ),
  }),
  col.accessor("replayed", { header: "Replayed", meta: { num: true } }),
  col.accessor("skipped", { header: "Skipped", meta: { num: true } }),
  col.accessor("failed", { header: "Failed", meta: { num: true } }),
  col.display({
    id: "by",
    header: "By / reason",
    cell: ({ row: { original: r } }) => (
      <>
        {r.requestedBy}
        {r.reason ? ` — ${r.reason}` : ""}
        {r.error ? <span className="err"> {r.error}</span> : null}
      </>
    ),
  }),
]);

const TOPICS = ["orders", "order-status", "inventory"] as const;
type Topic = (typeof TOPICS)[number];

type Range =
  | { by: "offsets"; topic: Topic; partition: number; fromOffset: string; toOffset: string }
  | { by: "time"; topic: Topic; partition?: number; fromTime: Date; toTime: Date };

export function ReplayView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canOperate = useCan("operator");
  const [form, setForm] = useState({
    by: "offsets" as "offsets" | "time",
    topic: "orders" as Topic,
    partition: "0",
    fromOffset: "0",
    toOffset: "100",
    fromTime: "",
    toTime: "",
  });
  const [range, setRange] = useState<Range | null>(null);
  const dry = useQuery({
    ...trpc.replay.dryRun.queryOptions(
      range ?? { by: "offsets", topic: "orders", partition: 0, fromOffset: "0", toOffset: "0" },
    ),
    enabled: !!range && canOperate,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [confirm, setConfirm] = useState(false);
  const [page, setPage] = useState(1);
  const runs = useQuery(
    trpc.replay.list.queryOptions(
      { page, pageSize: 15 },
      { refetchInterval: 2_000, placeholderData: keepPreviousData },
    ),
  );
  const start = useMutation(
    trpc.replay.start.mutationOptions({
      onSuccess: (run) => {
        setConfirm(false);
        setRange(null);
        notify("Replay started.", `Run ${run.id.slice(0, 8)}… under its own consumer group.`);
        void qc.invalidateQueries({ queryKey: trpc.replay.list.pathKey() });
      },
    }),
  );
  const build = (): Range =>
    form.by === "offsets"
      ? {
          by: "offsets",
          topic: form.topic,
          partition: Number(form.partition),
          fromOffset: form.fromOffset,
          toOffset: form.toOffset,
        }
      : {
          by: "time",
          topic: form.topic,
          ...(form.partition === "" ? {} : { partition: Number(form.partition) }),
          fromTime: new Date(form.fromTime),
          toTime: new Date(form.toTime),
        };

  return (
    <>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(build());
        }}
      >
        <Field label="Topic">
          <select value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value as Topic })}>
            {TOPICS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <Field label="Range by">
          <select
            value={form.by}
            onChange={(e) => setForm({ ...form, by: e.target.value as "offsets" | "time" })}
          >
            <option value="offsets">offsets (one partition)</option>
            <option value="time">time window</option>
          </select>
        </Field>
        <Field label={form.by === "time" ? "Partition (blank = all)" : "Partition"}>
          <input
            value={form.partition}
            onChange={(e) => setForm({ ...form, partition: e.target.value })}
            inputMode="numeric"
            style={{ width: 70 }}
            required={form.by === "offsets"}
          />
        </Field>
        {form.by === "offsets" ? (
          <>
            <Field label="From offset">
              <input
                value={form.fromOffset}
                onChange={(e) => setForm({ ...form, fromOffset: e.target.value })}
                inputMode="numeric"
                style={{ width: 100 }}
              />
            </Field>
            <Field label="To offset (incl.)">
              <input
                value={form.toOffset}
                onChange={(e) => setForm({ ...form, toOffset: e.target.value })}
                inputMode="numeric"
                style={{ width: 100 }}
              />
            </Field>
          </>
        ) : (
          <>
            <Field label="From">
              <input
                type="datetime-local"
                value={form.fromTime}
                onChange={(e) => setForm({ ...form, fromTime: e.target.value })}
                required
              />
            </Field>
            <Field label="To">
              <input
                type="datetime-local"
                value={form.toTime}
                onChange={(e) => setForm({ ...form, toTime: e.target.value })}
                required
              />
            </Field>
          </>
        )}
        <button type="submit" disabled={!canOperate}>
          Dry run
        </button>
      </form>
      {dry.isFetching && (
        <p className="muted">
          Reading the range with a temporary consumer (no commits, live groups untouched)…
        </p>
      )}
      <ErrorText error={dry.error} />
      {range && dry.data && (
        <div className="panel" data-testid="replay-dry-run">
          <h2>
            Dry run: {dry.data.count.toLocaleString("en")} message(s)
            {dry.data.truncated ? " (stopped at the read limit)" : ""}, {dry.data.distinctKeys} distinct{" "}
            {dry.data.keyMeaning}(s)
          </h2>
          <p className="muted">
            {dry.data.ranges.map((r) => `p${r.partition}: ${r.from}→${r.to}`).join(" · ")}
          </p>
          <p style={{ fontSize: 12, wordBreak: "break-all" }}>{dry.data.keys.join(", ") || "—"}</p>
          <button
            type="button"
            disabled={!canOperate || dry.data.count === 0}
            onClick={() => setConfirm(true)}
          >
            Start replay…
          </button>
        </div>
      )}
      <section>
        <h2>Replay runs</h2>
        <DataTable
          label="Replay runs"
          testId="replay-runs"
          data={runs.data?.rows ?? NO_RUNS}
          columns={RUN_COLUMNS}
          getRowId={(r) => r.id}
          empty="No replays yet."
        />
        {runs.data && (
          <Pager page={runs.data.page} pages={runs.data.pages} total={runs.data.total} onPage={setPage} />
        )}
      </section>
      <ConfirmDialog
        open={confirm}
        title="Start the replay"
        confirmLabel={`Replay ${dry.data?.count ?? 0} message(s)`}
        busy={start.isPending}
        error={start.error}
        onClose={() => setConfirm(false)}
        onConfirm={(reason) => range && start.mutate({ range, reason })}
      >
        <p>
          Messages go through the same idempotent handlers under a separate consumer group; the live group
          does not move.
        </p>
      </ConfirmDialog>
    </>
  );
}
