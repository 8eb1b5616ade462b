"use client";
import { JOB_STATES, type JobState } from "@icp/api/ports";
import { fmtDrain } from "@icp/domain/drain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { Badge, ConfirmDialog, ErrorText, fmtTime, Json, Pager, SearchForm, useCan } from "./ui";
import { useUrlState } from "./url-state";

type Pending =
  | { kind: "pause" | "resume"; queue: string }
  | { kind: "remove"; queue: string; id: string }
  | null;

export function QueuesView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canOperate = useCan("queues.operate");
  const counts = useQuery(trpc.queues.list.queryOptions(undefined, { refetchInterval: 3_000 }));
  // the worker's latest time to drain per queue (Overview → Time to drain has the chart)
  const drain = useQuery(trpc.overview.drain.queryOptions(undefined, { refetchInterval: 5_000 }));
  const drainOf = (name: string) => drain.data?.rows.find((r) => r.kind === "QUEUE" && r.name === name);
  const [queue, setQueue] = useState<string>("orders-to-sap");
  const [state, setState] = useState<JobState>("failed");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const jobs = useQuery(
    trpc.queues.jobs.queryOptions(
      { queue: queue as "orders-to-sap", state, page, pageSize: 20 },
      { refetchInterval: 3_000, placeholderData: keepPreviousData },
    ),
  );
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.queues.pathKey() });
  const opts = {
    onSuccess: () => {
      setPending(null);
      void refresh();
    },
  };
  const retry = useMutation(trpc.queues.retryJob.mutationOptions(opts));
  const promote = useMutation(trpc.queues.promoteJob.mutationOptions(opts));
  const remove = useMutation(trpc.queues.removeJob.mutationOptions(opts));
  const pause = useMutation(trpc.queues.pause.mutationOptions(opts));
  const resume = useMutation(trpc.queues.resume.mutationOptions(opts));
  type QueueName = "orders-to-sap";

  return (
    <>
      <JobSearch />
      <ErrorText error={counts.error} />
      <div className="scroll">
        <table data-testid="queue-counts">
          <thead>
            <tr>
              <th>Queue</th>
              {JOB_STATES.map((s) => (
                <th key={s} className="num">
                  {s}
                </th>
              ))}
              <th className="num">Time to drain</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {counts.data?.map((c) => (
              <tr key={c.queue} className={c.queue === queue ? "selected" : undefined}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setQueue(c.queue);
                      setPage(1);
                    }}
                  >
                    {c.queue}
                  </button>
                </td>
                {JOB_STATES.map((s) => (
                  <td key={s} className="num">
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setQueue(c.queue);
                        setState(s);
                        setPage(1);
                      }}
                    >
                      {c[s]}
                    </button>
                  </td>
                ))}
                <td className="num" data-testid={`drain-${c.queue}`}>
                  {(() => {
                    const d = drainOf(c.queue);
                    return d ? fmtDrain(d) : "—";
                  })()}
                </td>
                <td>{c.isPaused ? <Badge value="paused" /> : <Badge value="ok" />}</td>
                <td>
                  <button
                    type="button"
                    className="ghost small"
                    disabled={!canOperate}
                    onClick={() => setPending({ kind: c.isPaused ? "resume" : "pause", queue: c.queue })}
                  >
                    {c.isPaused ? "Resume" : "Pause"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section style={{ marginTop: 14 }}>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 style={{ fontSize: 15, margin: 0 }}>{queue}</h2>
          <label className="muted">
            Jobs{" "}
            <select
              value={state}
              onChange={(e) => {
                setState(e.target.value as JobState);
                setPage(1);
              }}
            >
              {JOB_STATES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </div>
        <ErrorText error={jobs.error ?? retry.error ?? promote.error} />
        <div data-testid="jobs">
          <JobsTable
            rows={jobs.data?.rows ?? []}
            state={state}
            canOperate={canOperate}
            openId={open}
            onToggle={(id) => setOpen(open === id ? null : id)}
            onRetry={(id) => retry.mutate({ queue: queue as QueueName, id })}
            onPromote={(id) => promote.mutate({ queue: queue as QueueName, id })}
            onRemove={(id) => setPending({ kind: "remove", queue, id })}
          />
        </div>
        {jobs.data && (
          <Pager page={jobs.data.page} pages={jobs.data.pages} total={jobs.data.total} onPage={setPage} />
        )}
      </section>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending
            ? pending.kind === "remove"
              ? `Remove job ${pending.id}`
              : `${pending.kind === "pause" ? "Pause" : "Resume"} ${pending.queue}`
            : ""
        }
        confirmLabel={pending?.kind === "remove" ? "Remove" : pending?.kind === "pause" ? "Pause" : "Resume"}
        needReason={pending?.kind !== "resume"}
        busy={remove.isPending || pause.isPending || resume.isPending}
        error={remove.error ?? pause.error ?? resume.error}
        onClose={() => setPending(null)}
        onConfirm={(reason) => {
          if (!pending) return;
          const q = pending.queue as QueueName;
          if (pending.kind === "remove") remove.mutate({ queue: q, id: pending.id, reason });
          else if (pending.kind === "pause") pause.mutate({ queue: q, reason });
          else resume.mutate({ queue: q, ...(reason ? { reason } : {}) });
        }}
      >
        <p>
          {pending?.kind === "pause"
            ? "Workers stop taking new jobs from this queue until it is resumed."
            : pending?.kind === "remove"
              ? "The job and its history are deleted from Redis."
              : "Workers take jobs again."}
        </p>
      </ConfirmDialog>
    </>
  );
}

interface JobRow {
  id: string;
  name: string;
  state: string;
  attemptsMade: number;
  maxAttempts: number;
  timestamp: Date;
  failedReason?: string;
  data: unknown;
  stacktrace: string[];
}

/** A job the business-key search found: the job, its queue, and where the key matched. */
interface JobMatchRow extends JobRow {
  queue: string;
  matchedAt: string;
}

/** The open job's payload beside its error and stack (the queue's list and the search share it). */
function JobDetail({ job, title, testId }: { job: JobRow; title: string; testId: string }) {
  return (
    <div className="grid2" data-testid={testId}>
      <div>
        <h3 style={{ fontSize: 13 }}>{title}</h3>
        <Json value={job.data} />
      </div>
      <div>
        <h3 style={{ fontSize: 13 }}>Error and stack</h3>
        <pre className="json">
          {[job.failedReason, ...job.stacktrace].filter(Boolean).join("\n\n") || "—"}
        </pre>
      </div>
    </div>
  );
}

const matchCol = dataTableColumns<JobMatchRow>();
const matchColumns = matchCol.columns([
  matchCol.accessor("queue", {
    header: "Queue",
    meta: { filter: "text" },
    filterFn: "includesString",
  }),
  matchCol.accessor("id", { header: "Job id" }),
  matchCol.accessor("state", {
    header: "State",
    cell: (c) => <Badge value={c.getValue()} />,
    meta: { filter: JOB_STATES },
    filterFn: "equalsString",
  }),
  matchCol.accessor("name", { header: "Name" }),
  matchCol.accessor("matchedAt", { header: "Found in", enableSorting: false }),
  matchCol.accessor((r) => `${r.attemptsMade}/${r.maxAttempts}`, {
    id: "attempts",
    header: "Attempts",
    enableSorting: false,
    meta: { num: true },
  }),
  matchCol.accessor("timestamp", {
    header: "Created",
    cell: (c) => fmtTime(c.getValue()),
    sortFn: "datetime",
  }),
]);

/**
 * Jobs by business key (order id / PO, SKU, customer, SAP document) across queues and states.
 * BullMQ has no index over job data: the server reads the newest jobs of each queue and state up
 * to a cap and says how many it read of how many there are.
 */
function JobSearch() {
  const trpc = useTRPC();
  const { params, set } = useUrlState();
  const query = params.get("q") ?? "";
  const [picked, setPicked] = useState<string | null>(null);
  const search = useQuery({
    ...trpc.queues.search.queryOptions({ q: query || "-" }),
    enabled: query.length > 0,
  });
  const rows = useMemo(() => (search.data?.rows ?? []) as JobMatchRow[], [search.data]);
  const current = rows.find((r) => `${r.queue}/${r.id}` === picked) ?? null;
  return (
    <section className="panel" aria-label="Business-key search">
      <SearchForm
        label="Find by order id, SKU, customer or purchase order"
        submitLabel="Search jobs"
        initial={query}
        onSearch={(term) => {
          setPicked(null);
          set({ q: term });
        }}
      />
      <ErrorText error={search.error} />
      {search.data && (
        <>
          <p data-testid="job-search-summary" className={search.data.complete ? "muted" : undefined}>
            {search.data.matches} job(s) match “{query}” · searched{" "}
            {search.data.searched.toLocaleString("en")} of {search.data.total.toLocaleString("en")} jobs
            {search.data.complete
              ? ""
              : ` (the newest ${search.data.cap.toLocaleString("en")} of each queue and state; older jobs were not read)`}
          </p>
          <DataTable
            label="Search results"
            testId="job-search-results"
            data={rows}
            columns={matchColumns}
            getRowId={(r) => `${r.queue}/${r.id}`}
            maxHeight={320}
            onRowActivate={(r) => setPicked(`${r.queue}/${r.id}`)}
            activeRowId={picked}
            empty="No job matches."
          />
          {current && (
            <JobDetail
              job={current}
              title={`${current.queue} / ${current.id}: payload`}
              testId="job-search-detail"
            />
          )}
        </>
      )}
    </section>
  );
}

interface JobActions {
  canOperate: boolean;
  onToggle: (id: string) => void;
  onRetry: (id: string) => void;
  onPromote: (id: string) => void;
  onRemove: (id: string) => void;
}

/** One state's jobs of a queue on the DataTable; the open job's payload and error below it. */
function JobsTable({
  rows,
  state,
  openId,
  ...actions
}: JobActions & { rows: JobRow[]; state: string; openId: string | null }) {
  // The columns stay stable; the buttons read the latest handlers and role from a ref.
  const act = useRef(actions);
  act.current = actions;
  const columns = useMemo(() => {
    const c = dataTableColumns<JobRow>();
    return c.columns([
      c.accessor("id", {
        header: "Job id",
        cell: (x) => (
          <button type="button" className="link" onClick={() => act.current.onToggle(x.getValue())}>
            {x.getValue()}
          </button>
        ),
      }),
      c.accessor("name", { header: "Name", meta: { filter: "text" }, filterFn: "includesString" }),
      c.accessor((r) => `${r.attemptsMade}/${r.maxAttempts}`, {
        id: "attempts",
        header: "Attempts",
        enableSorting: false,
        meta: { num: true },
      }),
      c.accessor("timestamp", { header: "Created", cell: (x) => fmtTime(x.getValue()), sortFn: "datetime" }),
      c.accessor((r) => r.failedReason ?? "", {
        id: "error",
        header: "Error",
        meta: { filter: "text", style: { maxWidth: 280, overflow: "hidden", textOverflow: "ellipsis" } },
        filterFn: "includesString",
      }),
      c.display({
        id: "actions",
        header: "",
        cell: (x) => {
          const j = x.row.original;
          const can = act.current.canOperate;
          return (
            <div className="row">
              <button
                type="button"
                className="small"
                disabled={!can || j.state !== "failed"}
                onClick={() => act.current.onRetry(j.id)}
              >
                Retry
              </button>
              <button
                type="button"
                className="ghost small"
                disabled={!can || j.state !== "delayed"}
                onClick={() => act.current.onPromote(j.id)}
              >
                Promote
              </button>
              <button
                type="button"
                className="danger small"
                disabled={!can || j.state === "active"}
                onClick={() => act.current.onRemove(j.id)}
              >
                Remove
              </button>
            </div>
          );
        },
      }),
    ]);
  }, []);
  const current = rows.find((r) => r.id === openId) ?? null;
  return (
    <>
      <DataTable
        label="Job list"
        testId="jobs-table"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        activeRowId={openId}
        empty={`No ${state} jobs.`}
      />
      {current && <JobDetail job={current} title="Payload" testId="job-detail" />}
    </>
  );
}
