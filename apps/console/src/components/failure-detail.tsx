"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { FieldDiffTable } from "./field-diff-view";
import { Badge, ConfirmDialog, ErrorText, fmtTime, Json, needs, useCan } from "./ui";

/** The edited payload text as an object, or null while it is not a JSON object. */
function parsedObject(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * One failure: what failed and why, its owner and tags, the actions its state allows (retry,
 * discard, edit-and-retry), its payload — an edited payload shown as the fields that changed
 * from the original — and its history. Rendered at /failures/<id> (a shareable link; the inbox's
 * rows open it). Buttons follow the role; the server refuses what the role may not do either way.
 */
export function FailureDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const canRetry = useCan("failures.retry");
  const canDiscard = useCan("failures.discard");
  const canEdit = useCan("failures.edit");
  const detail = useQuery(trpc.failures.get.queryOptions({ id }, { refetchInterval: 5_000 }));
  const [dialog, setDialog] = useState<"retry" | "discard" | "edit" | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const done = () => {
    setDialog(null);
    setEdited(null);
    void detail.refetch();
  };
  const retry = useMutation(trpc.failures.retry.mutationOptions({ onSuccess: done }));
  const discard = useMutation(trpc.failures.discard.mutationOptions({ onSuccess: done }));
  const editRetry = useMutation(trpc.failures.editAndRetry.mutationOptions({ onSuccess: done }));
  if (detail.isPending) return <p>Loading…</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  if (!detail.data) return <p className="muted">No failure {id}.</p>;
  const f = detail.data;
  const open = f.state === "OPEN";
  const editedObject = edited === null ? null : parsedObject(edited);
  return (
    <div className="panel" data-testid="failure-detail">
      <h2>
        {f.flow} · <Badge value={f.errorClass} /> · <Badge value={f.state} />
      </h2>
      <p>
        <strong>SAP says:</strong> {f.message}
        {f.sapErrorCode && <> ({f.sapErrorCode})</>}
      </p>
      <p className="muted">
        Key {f.entityKey ?? "—"} · attempts {f.attempts} · created {fmtTime(f.createdAt)} · last attempt{" "}
        {fmtTime(f.lastAttemptAt)}
        {f.kafkaTopic && ` · ${f.kafkaTopic}[${f.kafkaPartition}]@${f.kafkaOffset}`}
        {f.discardReason && ` · discarded by ${f.discardedBy}: ${f.discardReason}`}
      </p>
      {f.orderLink && (
        <p>
          Order{" "}
          <Link href={`/orders/${encodeURIComponent(f.orderLink.storefrontOrderId)}`}>
            {f.orderLink.storefrontOrderId}
          </Link>
          {f.orderLink.sapSalesOrder ? ` · SAP ${f.orderLink.sapSalesOrder}` : ""}
        </p>
      )}
      <OwnerAndTags failure={f} onDone={done} />
      <div className="row" style={{ marginBottom: 10 }}>
        <button
          type="button"
          disabled={!canRetry || !open}
          title={canRetry ? undefined : needs("failures.retry")}
          onClick={() => setDialog("retry")}
        >
          Retry
        </button>
        <button
          type="button"
          className="danger"
          disabled={!canDiscard || !open}
          title={canDiscard ? undefined : needs("failures.discard")}
          onClick={() => setDialog("discard")}
        >
          Discard…
        </button>
        <button
          type="button"
          className="ghost"
          disabled={!canEdit || !open}
          title={canEdit ? undefined : needs("failures.edit")}
          onClick={() => setEdited(JSON.stringify(f.payload, null, 2))}
        >
          Edit payload
        </button>
      </div>
      {edited !== null ? (
        <>
          <label className="field">
            <span>Payload (JSON)</span>
            <textarea
              rows={14}
              value={edited}
              onChange={(e) => setEdited(e.target.value)}
              spellCheck={false}
              style={{ fontFamily: "monospace" }}
            />
          </label>
          <h3 style={{ fontSize: 13 }}>Your changes</h3>
          {editedObject ? (
            <FieldDiffTable before={f.payload} after={editedObject} testId="edit-preview-diff" />
          ) : (
            <p className="err">The payload must be a JSON object.</p>
          )}
          <div className="row end">
            <button type="button" className="ghost" onClick={() => setEdited(null)}>
              Cancel edit
            </button>
            <button type="button" onClick={() => setDialog("edit")}>
              Save and retry…
            </button>
          </div>
        </>
      ) : (
        <Json value={f.payload} />
      )}
      {f.originalPayload !== null && (
        <>
          <h3 style={{ fontSize: 13 }}>Edited fields (original → current)</h3>
          <FieldDiffTable before={f.originalPayload} after={f.payload} testId="payload-edit-diff" />
          <details>
            <summary>Original payload (before edits)</summary>
            <Json value={f.originalPayload} />
          </details>
        </>
      )}
      <FailureHistory audit={f.audit} />
      <ConfirmDialog
        open={dialog === "retry"}
        title="Retry this failure"
        confirmLabel="Retry"
        needReason={false}
        busy={retry.isPending}
        error={retry.error}
        onClose={() => setDialog(null)}
        onConfirm={() => retry.mutate({ id: f.id })}
      >
        <p>
          {f.errorClass === "POISON"
            ? "The message is re-published to its original topic."
            : "The work is queued again."}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "discard"}
        title="Discard this failure"
        confirmLabel="Discard"
        busy={discard.isPending}
        error={discard.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => discard.mutate({ id: f.id, reason })}
      >
        <p>The failure will no longer be retried. This cannot be undone.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "edit"}
        title="Save the edited payload and retry"
        confirmLabel="Save and retry"
        busy={editRetry.isPending}
        error={editRetry.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => editRetry.mutate({ id: f.id, reason, payload: edited ?? "" })}
      >
        {editedObject && (
          <FieldDiffTable before={f.payload} after={editedObject} testId="edit-confirm-diff" />
        )}
        <p>The original payload is kept; the change is audited with a before/after diff.</p>
      </ConfirmDialog>
    </div>
  );
}

/** Who owns the failure and its tags; changeable while it is unsettled (OPEN, RETRYING). */
function OwnerAndTags({
  failure: f,
  onDone,
}: {
  failure: { id: string; state: string; assignee: string | null; tags: string[] };
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const canOperate = useCan("failures.assign");
  const [newTag, setNewTag] = useState("");
  const assign = useMutation(trpc.failures.assign.mutationOptions({ onSuccess: onDone }));
  const tagOne = useMutation(
    trpc.failures.tag.mutationOptions({
      onSuccess: () => {
        setNewTag("");
        onDone();
      },
    }),
  );
  const unsettled = f.state === "OPEN" || f.state === "RETRYING";
  return (
    <>
      <div className="row" data-testid="failure-owner">
        <span>
          Owner: <strong>{f.assignee ?? "nobody"}</strong>
        </span>
        <button
          type="button"
          className="ghost"
          disabled={!canOperate || !unsettled || assign.isPending}
          onClick={() => assign.mutate({ id: f.id, assignee: "me" })}
        >
          Assign to me
        </button>
        <button
          type="button"
          className="ghost"
          disabled={!canOperate || !unsettled || f.assignee === null || assign.isPending}
          onClick={() => assign.mutate({ id: f.id, assignee: null })}
        >
          Unassign
        </button>
        <span>Tags:</span>
        {f.tags.map((t) => (
          <button
            key={t}
            type="button"
            className="ghost"
            aria-label={`Remove tag ${t}`}
            disabled={!canOperate || !unsettled}
            onClick={() => tagOne.mutate({ id: f.id, remove: [t] })}
          >
            {t} ✕
          </button>
        ))}
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (newTag.trim()) tagOne.mutate({ id: f.id, add: [newTag.trim()] });
          }}
        >
          <input
            aria-label="New tag"
            value={newTag}
            onChange={(e) => setNewTag(e.target.value)}
            disabled={!canOperate || !unsettled}
            style={{ width: 120 }}
          />
          <button type="submit" className="ghost" disabled={!canOperate || !unsettled || !newTag.trim()}>
            Add tag
          </button>
        </form>
      </div>
      <ErrorText error={assign.error ?? tagOne.error} />
    </>
  );
}

/** The failure's audit entries, each a link to its own page (with its field diff). */
function FailureHistory({
  audit,
}: {
  audit: { id: string; at: Date; actorEmail: string | null; action: string; reason: string | null }[];
}) {
  if (audit.length === 0) return null;
  return (
    <>
      <h3 style={{ fontSize: 13 }}>History</h3>
      <ul className="timeline" data-testid="failure-history">
        {audit.map((a) => (
          <li key={a.id}>
            {fmtTime(a.at)} · {a.actorEmail} · <Link href={`/audit/${a.id}`}>{a.action}</Link>
            {a.reason ? ` — ${a.reason}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
