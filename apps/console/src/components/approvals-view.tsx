"use client";
import type { AppRouter } from "@icp/api";
import { type ApprovalRuleId, ApprovalStates } from "@icp/domain/approval-lifecycle";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, fmtAgo, fmtTime, Json, needs, Pager, useCan } from "./ui";

type RequestRow = inferRouterOutputs<AppRouter>["approvals"]["list"]["rows"][number];

const ACTION_TEXT: Record<string, string> = {
  "failures.retryMany": "Bulk retry",
  "failures.discardMany": "Bulk discard",
  "resync.start": "Full resync",
  "replay.start": "Replay",
};

/** How long until a moment in the future ("in 23 h"). */
function fmtIn(d: Date | string): string {
  const ms = new Date(d).getTime() - Date.now();
  if (ms <= 0) return "now";
  if (ms < 3_600_000) return `in ${Math.max(1, Math.round(ms / 60_000))} min`;
  return `in ${Math.round(ms / 3_600_000)} h`;
}

const col = dataTableColumns<RequestRow>();
const columns = col.columns([
  col.accessor("requestedAt", {
    header: "Requested",
    cell: (c) => (
      <Link href={`/approvals/${c.row.original.id}`} prefetch={false}>
        {fmtTime(c.getValue())}
      </Link>
    ),
  }),
  col.accessor((r) => ACTION_TEXT[r.action] ?? r.action, { id: "action", header: "Action" }),
  col.accessor("size", { header: "Size", meta: { num: true } }),
  col.accessor((r) => r.requestedByEmail ?? r.requestedBy, { id: "requester", header: "Requested by" }),
  col.accessor("state", {
    header: "State",
    cell: (c) => <Badge value={c.getValue()} />,
    meta: { filter: [...ApprovalStates] },
    filterFn: "equalsString",
  }),
  col.accessor((r) => (r.state === "PENDING" ? fmtIn(r.expiresAt) : "—"), {
    id: "expires",
    header: "Expires",
    enableSorting: false,
  }),
  col.accessor((r) => r.decidedByEmail ?? r.decidedBy ?? "—", { id: "decider", header: "Decided by" }),
  col.accessor((r) => r.summary, {
    id: "summary",
    header: "What",
    enableSorting: false,
    meta: { style: { maxWidth: 360, overflow: "hidden", textOverflow: "ellipsis" } },
  }),
]);

/** Four-eyes approval: the held actions, newest first; open ones first by default. */
export function ApprovalsView() {
  const trpc = useTRPC();
  const [view, setView] = useState<"open" | "decided" | "all">("open");
  const [page, setPage] = useState(1);
  const list = useQuery(
    trpc.approvals.list.queryOptions(
      { view, page, pageSize: 50 },
      { refetchInterval: 5_000, placeholderData: keepPreviousData },
    ),
  );
  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  return (
    <section className="panel">
      <p className="muted">
        Actions above a threshold (Settings → Four-eyes approval) wait here for a second person with the
        approvals.decide permission. Whoever asked cannot approve their own request; approval runs the stored
        action once.
      </p>
      <div className="filters">
        <Field label="Show">
          <select
            value={view}
            onChange={(e) => {
              setPage(1);
              setView(e.target.value as typeof view);
            }}
          >
            <option value="open">Pending</option>
            <option value="decided">Decided</option>
            <option value="all">All</option>
          </select>
        </Field>
      </div>
      <ErrorText error={list.error} />
      <DataTable
        label="Approval requests"
        testId="approvals-table"
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        empty={view === "open" ? "Nothing waits for approval." : "No requests."}
      />
      {list.data && (
        <Pager page={list.data.page} pages={list.data.pages} total={list.data.total} onPage={setPage} />
      )}
    </section>
  );
}

/** One request: what it would run, who asked and why, and the decision (not by the requester). */
export function ApprovalDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canDecide = useCan("approvals.decide");
  const detail = useQuery(trpc.approvals.get.queryOptions({ id }, { refetchInterval: 5_000 }));
  const [dialog, setDialog] = useState<"approve" | "reject" | null>(null);
  const done = (text: string) => {
    setDialog(null);
    notify(text);
    void qc.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
  };
  const approve = useMutation(
    trpc.approvals.approve.mutationOptions({
      onSuccess: (r) =>
        done(
          r.state === "EXECUTED" ? "Approved and executed." : `Approved; the action failed: ${r.error ?? ""}`,
        ),
    }),
  );
  const reject = useMutation(trpc.approvals.reject.mutationOptions({ onSuccess: () => done("Rejected.") }));
  if (detail.isPending) return <p>Loading…</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  if (!detail.data) return <p className="muted">No approval request {id}.</p>;
  const r = detail.data;
  const pending = r.state === "PENDING";
  const why = !canDecide
    ? needs("approvals.decide")
    : r.mine
      ? "You asked for this action; another person must decide it."
      : !pending
        ? `It is ${r.state.toLowerCase()}.`
        : undefined;
  return (
    <>
      <section className="panel" data-testid="approval-detail">
        <h2>
          {ACTION_TEXT[r.action] ?? r.action} · <Badge value={r.state} />
        </h2>
        <p>
          <strong>{r.summary}</strong> ({r.size.toLocaleString("en")} item(s); threshold {r.threshold})
        </p>
        <p className="muted">
          Requested by {r.requestedByEmail ?? r.requestedBy} at {fmtTime(r.requestedAt)}
          {r.reason ? ` · reason: ${r.reason}` : ""} · expires {fmtTime(r.expiresAt)}
        </p>
        {r.decidedAt && (
          <p className="muted" data-testid="approval-decision">
            {r.state === "REJECTED" ? "Rejected" : r.state === "EXPIRED" ? "Expired" : "Approved"}
            {r.decidedByEmail || r.decidedBy ? ` by ${r.decidedByEmail ?? r.decidedBy}` : ""} at{" "}
            {fmtTime(r.decidedAt)}
            {r.decisionReason ? `: ${r.decisionReason}` : ""}
            {r.executedAt ? ` · executed ${fmtTime(r.executedAt)}` : ""}
          </p>
        )}
        <div className="row" style={{ marginBottom: 10 }}>
          <button type="button" disabled={why !== undefined} title={why} onClick={() => setDialog("approve")}>
            Approve and run…
          </button>
          <button
            type="button"
            className="danger"
            disabled={why !== undefined}
            title={why}
            onClick={() => setDialog("reject")}
          >
            Reject…
          </button>
        </div>
        {r.mine && pending && (
          <p className="muted">You asked for this: someone else must approve or reject it.</p>
        )}
        <h3>The stored input it runs with</h3>
        <Json value={r.input} />
        {(r.result !== null || r.error) && (
          <>
            <h3>Result</h3>
            {r.error ? <p className="error">{r.error}</p> : <Json value={r.result} />}
          </>
        )}
      </section>
      <section className="panel">
        <h2>History</h2>
        <table data-testid="approval-audit">
          <thead>
            <tr>
              <th>At</th>
              <th>Action</th>
              <th>Who</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {r.audit.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/audit/${a.id}`}>{fmtTime(a.at)}</Link>
                </td>
                <td>{a.action}</td>
                <td>{a.actorEmail ?? a.actorId}</td>
                <td>{a.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog === "approve" ? "Approve and run this action?" : "Reject this request?"}
        confirmLabel={dialog === "approve" ? "Approve and run" : "Reject"}
        tone={dialog === "approve" ? "primary" : "danger"}
        needReason={dialog === "reject"}
        busy={approve.isPending || reject.isPending}
        error={approve.error ?? reject.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) =>
          dialog === "approve"
            ? approve.mutate({ id, ...(reason ? { reason } : {}) })
            : reject.mutate({ id, reason })
        }
      >
        <p>
          {r.summary}: {r.size.toLocaleString("en")} item(s), asked by {r.requestedByEmail ?? r.requestedBy}.
        </p>
        {dialog === "approve" && <p className="muted">It runs now, once, with the input below as stored.</p>}
      </ConfirmDialog>
    </>
  );
}

/** Settings → Four-eyes approval: which actions wait for a second person (settings.manage, audited). */
export function ApprovalRules() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canManage = useCan("settings.manage");
  const rules = useQuery(trpc.approvals.rules.queryOptions());
  const [edit, setEdit] = useState<{
    id: ApprovalRuleId;
    label: string;
    enabled: boolean;
    threshold: number;
    expiryHours: number;
  } | null>(null);
  const save = useMutation(
    trpc.approvals.updateRule.mutationOptions({
      onSuccess: () => {
        setEdit(null);
        notify("Approval rule saved.");
        void qc.invalidateQueries({ queryKey: trpc.approvals.pathKey() });
      },
    }),
  );
  return (
    <section className="panel">
      <h2>Four-eyes approval</h2>
      <p className="muted">
        An action over its threshold does not run: it waits on the <Link href="/approvals">Approvals</Link>{" "}
        page for a second person, until it expires.
      </p>
      <ErrorText error={rules.error} />
      <table data-testid="approval-rules">
        <thead>
          <tr>
            <th>Action</th>
            <th className="num">Threshold</th>
            <th>Enabled</th>
            <th className="num">Expires after</th>
            <th>Changed</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.data?.map((r) => (
            <tr key={r.id} data-rule={r.id}>
              <td>{r.label}</td>
              <td className="num">
                {r.id === "full_resync" ? "always" : `${r.threshold.toLocaleString("en")} ${r.unit}`}
              </td>
              <td>{r.enabled ? <Badge value="ok" /> : <Badge value="inactive" />}</td>
              <td className="num">{r.expiryHours} h</td>
              <td className="muted">{r.updatedBy ? `${r.updatedBy} · ${fmtAgo(r.updatedAt)}` : "default"}</td>
              <td>
                <button
                  type="button"
                  className="ghost small"
                  disabled={!canManage}
                  title={canManage ? undefined : needs("settings.manage")}
                  onClick={() => setEdit({ ...r })}
                >
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={edit !== null}
        title={`Approval: ${edit?.label ?? ""}`}
        confirmLabel="Save"
        tone="primary"
        busy={save.isPending}
        error={save.error}
        onClose={() => setEdit(null)}
        onConfirm={(reason) => edit && save.mutate({ ...edit, reason })}
      >
        {edit && (
          <div className="row">
            <label>
              <input
                type="checkbox"
                checked={edit.enabled}
                onChange={(e) => setEdit({ ...edit, enabled: e.target.checked })}
              />{" "}
              Enabled
            </label>
            {edit.id !== "full_resync" && (
              <Field label="Threshold">
                <input
                  type="number"
                  min={0}
                  value={edit.threshold}
                  onChange={(e) => setEdit({ ...edit, threshold: Number(e.target.value) })}
                  style={{ width: 100 }}
                />
              </Field>
            )}
            <Field label="Expires after (hours)">
              <input
                type="number"
                min={1}
                value={edit.expiryHours}
                onChange={(e) => setEdit({ ...edit, expiryHours: Number(e.target.value) })}
                style={{ width: 80 }}
              />
            </Field>
          </div>
        )}
      </ConfirmDialog>
    </section>
  );
}
