"use client";
import type { AppRouter } from "@icp/api";
import {
  DRY_RUN_VERDICT_LABELS,
  DRY_RUN_VERDICTS,
  type DryRunVerdict,
  jobsWithOutcome,
  REPLAY_OUTCOME_LABELS,
  REPLAY_OUTCOMES,
  type ReplayOutcome,
  type ReplayPosition,
  replayCancellable,
  TOPIC_CONSUMERS,
} from "@icp/domain/replay";
import { type Topic, Topics } from "@icp/domain/topics";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, fmtTime, needs, Pager, Progress, useCan } from "./ui";
import { useUrlState } from "./url-state";

type Outputs = inferRouterOutputs<AppRouter>["replay"];
type Run = Outputs["list"]["rows"][number] | NonNullable<Outputs["get"]>;
type DryRow = Outputs["dryRun"]["rows"][number];
type OutcomeRow = Outputs["outcomes"]["rows"][number];
const NO_RUNS: ListedRun[] = [];
const NO_OUTCOMES: OutcomeRow[] = [];

const orderLink = (id: string | null, fallback: string | null) =>
  id ? <Link href={`/orders/${encodeURIComponent(id)}`}>{id}</Link> : (fallback ?? "—");

/** "20 replayed: 0 created, 20 no-op" — what the processors did, not how many messages were sent. */
function resultLine(run: Pick<Run, "replayed" | "topic" | "outcomeCounts">): string {
  const c = run.outcomeCounts;
  if (!c) return `${run.replayed} replayed`;
  const main: ReplayOutcome[] =
    run.topic === Topics.orders
      ? ["created", "no-op"]
      : run.topic === Topics.orderStatus
        ? ["status-updated", "no-op"]
        : ["stock-updated", "no-op"];
  const rest = REPLAY_OUTCOMES.filter((o) => !main.includes(o) && c[o] > 0);
  const parts = [...main, ...rest].map(
    (o) => `${c[o]} ${o === "no-op" ? "no-op" : REPLAY_OUTCOME_LABELS[o]}`,
  );
  return `${run.replayed} replayed: ${parts.join(", ")}`;
}

type ListedRun = Outputs["list"]["rows"][number];
const col = dataTableColumns<ListedRun>();
const RUN_COLUMNS = col.columns([
  col.accessor("createdAt", { header: "Requested", cell: (c) => fmtTime(c.getValue()) }),
  col.accessor("topic", { header: "Topic" }),
  col.display({
    id: "target",
    header: "Target",
    cell: ({ row: { original: r } }) =>
      r.target === "GROUP" ? `group ${r.targetName ?? "?"}` : `queue ${r.targetName ?? "?"}`,
  }),
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
    meta: { style: { minWidth: 120 } },
    cell: ({ row: { original: r } }) => {
      const done = r.outcomeCounts ? jobsWithOutcome(r.outcomeCounts) : 0;
      return <Progress value={done} max={r.replayed || null} label={`replay ${r.id}`} />;
    },
  }),
  col.display({
    id: "result",
    header: "Result",
    cell: ({ row: { original: r } }) => (
      <span data-testid="replay-result">
        {resultLine(r)}
        {r.skipped ? `, ${r.skipped} skipped` : ""}
      </span>
    ),
  }),
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

const dcol = dataTableColumns<DryRow>();
const DRY_COLUMNS = dcol.columns([
  dcol.accessor("partition", { header: "P", meta: { num: true } }),
  dcol.accessor("offset", { header: "Offset", meta: { num: true } }),
  dcol.accessor("subject", {
    header: "Subject",
    meta: { filter: "text" },
    cell: ({ row: { original: r } }) => orderLink(r.orderId, r.subject ?? r.key),
  }),
  dcol.accessor("type", {
    header: "Event",
    cell: (c) => (c.getValue() ?? "—").split(".").slice(-2, -1)[0] ?? "—",
  }),
  dcol.accessor("verdict", {
    header: "Would",
    meta: { filter: DRY_RUN_VERDICTS },
    cell: (c) => <Badge value={DRY_RUN_VERDICT_LABELS[c.getValue()]} />,
  }),
  dcol.accessor("why", { header: "Why" }),
]);

const ocol = dataTableColumns<OutcomeRow>();
const OUTCOME_COLUMNS = ocol.columns([
  ocol.accessor("partition", { header: "P", meta: { num: true } }),
  ocol.accessor("offset", { header: "Offset", meta: { num: true }, cell: (c) => String(c.getValue()) }),
  ocol.accessor("entityKey", {
    header: "Order / subject",
    cell: ({ row: { original: r } }) => orderLink(r.orderId, r.entityKey),
  }),
  ocol.accessor("outcome", {
    header: "Outcome",
    cell: (c) => <Badge value={REPLAY_OUTCOME_LABELS[c.getValue() as ReplayOutcome] ?? c.getValue()} />,
  }),
  ocol.display({
    id: "why",
    header: "What the processor said",
    cell: ({ row: { original: r } }) => String((r.detail as { why?: unknown } | null)?.why ?? ""),
  }),
]);

const TOPICS = Object.values(Topics);

type Range =
  | { by: "offsets"; topic: Topic; partition: number; fromOffset: string; toOffset: string }
  | { by: "time"; topic: Topic; partition?: number; fromTime: Date; toTime: Date };
type Target = { kind: "QUEUE"; queue: string } | { kind: "GROUP"; group: string };

/** The selected run: what each message did (the affected orders) and the offsets per partition. */
function RunDetail({ run, canOperate }: { run: Run; canOperate: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [cancelOpen, setCancelOpen] = useState(false);
  const cancel = useMutation(
    trpc.replay.cancel.mutationOptions({
      onSuccess: () => {
        setCancelOpen(false);
        notify(
          "Replay cancelled.",
          "A running replay stops after the batch it is sending; what it sent is counted.",
        );
        void qc.invalidateQueries({ queryKey: trpc.replay.pathKey() });
      },
    }),
  );
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState<ReplayOutcome | "">("");
  const rows = useQuery(
    trpc.replay.outcomes.queryOptions(
      { runId: run.id, page, pageSize: 100, ...(outcome ? { outcome } : {}) },
      { refetchInterval: run.state === "RUNNING" || run.state === "QUEUED" ? 2_000 : false },
    ),
  );
  const positions = (run.positions ?? []) as unknown as ReplayPosition[];
  return (
    <div className="panel" data-testid="replay-run-detail">
      <h2>
        Run {run.id.slice(0, 8)}… · {resultLine(run)}
      </h2>
      <p className="muted">
        Target: {run.target === "GROUP" ? `consumer group ${run.targetName}` : `queue ${run.targetName}`}{" "}
        (Kafka group {run.consumerGroup ?? "—"})
      </p>
      {replayCancellable(run) && (
        <div className="row end">
          <button
            type="button"
            className="danger small"
            disabled={!canOperate}
            title={canOperate ? undefined : needs("replay.start")}
            onClick={() => setCancelOpen(true)}
          >
            Cancel run…
          </button>
        </div>
      )}
      <table aria-label="Offsets per partition">
        <thead>
          <tr>
            <th>Partition</th>
            <th>Range read</th>
            {run.target === "GROUP" && (
              <>
                <th>Group before</th>
                <th>After the move</th>
                <th>After the replay</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.partition}>
              <td>{p.partition}</td>
              <td>
                {p.from} → {p.to}
              </td>
              {run.target === "GROUP" && (
                <>
                  <td>{p.groupBefore ?? "—"}</td>
                  <td>{p.groupAfterMove ?? "—"}</td>
                  <td>{p.groupAfterReplay ?? "—"}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="filters">
        <Field label="Outcome">
          <select
            value={outcome}
            onChange={(e) => {
              setOutcome(e.target.value as ReplayOutcome | "");
              setPage(1);
            }}
          >
            <option value="">all</option>
            {REPLAY_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {REPLAY_OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorText error={rows.error} />
      <DataTable
        label="Replayed messages"
        testId="replay-outcomes"
        data={rows.data?.rows ?? NO_OUTCOMES}
        columns={OUTCOME_COLUMNS}
        getRowId={(r) => r.id}
        maxHeight={360}
        empty="No outcome recorded yet."
      />
      {rows.data && (
        <Pager page={rows.data.page} pages={rows.data.pages} total={rows.data.total} onPage={setPage} />
      )}
      <ConfirmDialog
        open={cancelOpen}
        title="Cancel the replay"
        confirmLabel="Cancel run"
        busy={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelOpen(false)}
        onConfirm={(reason) => cancel.mutate({ id: run.id, reason })}
      >
        <p>
          A queued replay never starts. A running one stops after the batch it is sending; the messages
          already sent are processed and counted.
        </p>
      </ConfirmDialog>
    </div>
  );
}

type FormState = {
  by: "offsets" | "time";
  topic: Topic;
  target: "QUEUE" | "GROUP";
  partition: string;
  fromOffset: string;
  toOffset: string;
  fromTime: string;
  toTime: string;
};

/** Topic, target (the topic's queue through a throw-away group, or its own group) and range. */
function ReplayForm({
  form,
  setForm,
  canOperate,
  onSubmit,
}: {
  form: FormState;
  setForm: (f: FormState) => void;
  canOperate: boolean;
  onSubmit: () => void;
}) {
  const consumers = TOPIC_CONSUMERS[form.topic];
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Field label="Topic">
        <select value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value as Topic })}>
          {TOPICS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </Field>
      <Field label="Target">
        <select
          value={form.target}
          onChange={(e) => setForm({ ...form, target: e.target.value as "QUEUE" | "GROUP" })}
        >
          <option value="QUEUE">throw-away group → queue {consumers.queue}</option>
          <option value="GROUP">consumer group {consumers.group} (moved back)</option>
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
  );
}

/** What replaying the range would do, per message, with totals per verdict. */
function DryRunPanel({
  d,
  canOperate,
  onStart,
}: {
  d: Outputs["dryRun"];
  canOperate: boolean;
  onStart: () => void;
}) {
  return (
    <div className="panel" data-testid="replay-dry-run">
      <h2>
        Dry run: {d.count.toLocaleString("en")} message(s)
        {d.truncated ? " (stopped at the read limit)" : ""}, {d.distinctKeys} distinct {d.keyMeaning}(s)
      </h2>
      <p className="muted">
        Target: {d.target.kind === "GROUP" ? `consumer group ${d.target.name}` : `queue ${d.target.name}`}
        {d.group ? ` · ${d.group.members} live member(s), stopped during the move` : ""} ·{" "}
        {d.ranges.map((r) => `p${r.partition}: ${r.from}→${r.to}`).join(" · ") || "nothing to read"}
      </p>
      <ul className="verdicts" data-testid="replay-verdicts" aria-label="Would happen">
        {DRY_RUN_VERDICTS.filter((v) => d.verdicts[v] > 0).map((v: DryRunVerdict) => (
          <li key={v}>
            {DRY_RUN_VERDICT_LABELS[v]}: <strong>{d.verdicts[v].toLocaleString("en")}</strong>
          </li>
        ))}
      </ul>
      <DataTable
        label="Messages in the range"
        testId="replay-dry-rows"
        data={d.rows}
        columns={DRY_COLUMNS}
        getRowId={(r) => `${r.partition}:${r.offset}`}
        maxHeight={360}
        empty="No message in the range."
      />
      <button type="button" disabled={!canOperate || d.count === 0} onClick={onStart}>
        Start replay…
      </button>
    </div>
  );
}

export function ReplayView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canOperate = useCan("replay.start");
  const [form, setForm] = useState<FormState>({
    by: "offsets",
    topic: Topics.orders,
    target: "QUEUE",
    partition: "0",
    fromOffset: "0",
    toOffset: "100",
    fromTime: "",
    toTime: "",
  });
  const [request, setRequest] = useState<{ range: Range; target: Target } | null>(null);
  const dry = useQuery({
    ...trpc.replay.dryRun.queryOptions(
      request ?? {
        range: { by: "offsets", topic: Topics.orders, partition: 0, fromOffset: "0", toOffset: "0" },
        target: { kind: "QUEUE" },
      },
    ),
    enabled: !!request && canOperate,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [confirm, setConfirm] = useState(false);
  const [page, setPage] = useState(1);
  // The run shown in detail is in the URL (?run=…), so the audit log can link to it.
  const { params, set } = useUrlState();
  const selected = params.get("run");
  const setSelected = (id: string) => set({ run: id });
  const runs = useQuery(
    trpc.replay.list.queryOptions(
      { page, pageSize: 15 },
      { refetchInterval: 2_000, placeholderData: keepPreviousData },
    ),
  );
  const listed = runs.data?.rows.find((r) => r.id === selected);
  // A run off the list's page (a link from the audit log) is read on its own; a listed one is
  // already polled with the list.
  const selectedGet = useQuery({
    ...trpc.replay.get.queryOptions(
      { id: selected ?? "00000000-0000-0000-0000-000000000000" },
      { refetchInterval: 2_000 },
    ),
    enabled: !!selected && runs.isSuccess && !listed,
  });
  const start = useMutation(
    trpc.replay.start.mutationOptions({
      onSuccess: (run) => {
        setConfirm(false);
        setRequest(null);
        if ("pendingApproval" in run) {
          const p = run.pendingApproval;
          notify(
            "Replay held for approval.",
            `${p.size.toLocaleString("en")} messages is over the approval threshold (${p.threshold}); a second person approves it under Approvals.`,
          );
          return;
        }
        setSelected(run.id);
        notify(
          "Replay started.",
          `Run ${run.id.slice(0, 8)}… ${
            request?.target.kind === "GROUP"
              ? "moves the consumer group back"
              : "under its own consumer group"
          }.`,
        );
        void qc.invalidateQueries({ queryKey: trpc.replay.list.pathKey() });
      },
    }),
  );
  const consumers = TOPIC_CONSUMERS[form.topic];
  const build = (): { range: Range; target: Target } => ({
    range:
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
          },
    target:
      form.target === "GROUP"
        ? { kind: "GROUP", group: consumers.group }
        : { kind: "QUEUE", queue: consumers.queue },
  });
  const selectedRun = listed ?? selectedGet.data ?? null;
  const d = dry.data;

  return (
    <>
      <ReplayForm
        form={form}
        setForm={setForm}
        canOperate={canOperate}
        onSubmit={() => setRequest(build())}
      />
      {form.target === "GROUP" && (
        <p className="muted">
          The group re-reads from the range's start up to where it stands now (the range's end does not
          apply): the worker stops the group's consumers in every worker, sets the offsets and starts them
          again. If a member does not stop, nothing is moved and the run fails with GROUP_LIVE.
        </p>
      )}
      {dry.isFetching && (
        <p className="muted">
          Reading the range with a temporary consumer (no commits, live groups untouched)…
        </p>
      )}
      <ErrorText error={dry.error} />
      {request && d && <DryRunPanel d={d} canOperate={canOperate} onStart={() => setConfirm(true)} />}
      <section>
        <h2>Replay runs</h2>
        <DataTable
          label="Replay runs"
          testId="replay-runs"
          data={runs.data?.rows ?? NO_RUNS}
          columns={RUN_COLUMNS}
          getRowId={(r) => r.id}
          onRowActivate={(r) => setSelected(r.id)}
          activeRowId={selected}
          empty="No replays yet."
        />
        {runs.data && (
          <Pager page={runs.data.page} pages={runs.data.pages} total={runs.data.total} onPage={setPage} />
        )}
      </section>
      {selectedRun && <RunDetail run={selectedRun} canOperate={canOperate} />}
      <ConfirmDialog
        open={confirm}
        title="Start the replay"
        confirmLabel={`Replay ${d?.count ?? 0} message(s)`}
        busy={start.isPending}
        error={start.error}
        onClose={() => setConfirm(false)}
        onConfirm={(reason) => request && start.mutate({ ...request, reason })}
      >
        {request?.target.kind === "GROUP" ? (
          <p>
            Consumer group {d?.target.name} is moved back to the range's start: its consumers stop, the
            offsets are set, and they re-read up to where they were. Each order's handler is idempotent: a
            booked order is a no-op.
          </p>
        ) : (
          <p>
            Messages go through the same idempotent handlers under a separate consumer group; the live group
            does not move.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
