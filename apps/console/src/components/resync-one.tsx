"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DriftDiffTable } from "./drift-view";
import { ResyncPlant } from "./resync-plant";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, needs, useCan } from "./ui";

const KINDS = [
  { entity: "PRODUCTS", label: "One SKU (name, price, availability)" },
  { entity: "STOCK", label: "One SKU's stock at one plant" },
  { entity: "PLANT", label: "One plant's stock (every level)" },
  { entity: "CUSTOMERS", label: "One customer" },
] as const;
type Kind = (typeof KINDS)[number]["entity"];
type Entity = Exclude<Kind, "PLANT">;

/**
 * Resync one record: the worker compares it with SAP (the preview: SAP's values against the read
 * model's, field by field), then "Write" resyncs exactly that record and the page follows its
 * finding until the re-check says SAP and the read model agree. "One plant's stock" does the same
 * for every level at a plant (ResyncPlant).
 */
export function ResyncOne() {
  const [kind, setKind] = useState<Kind>("PRODUCTS");
  const picker = (
    <Field label="What">
      <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {KINDS.map((k) => (
          <option key={k.entity} value={k.entity}>
            {k.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <section data-testid="resync-one">
      <h2 style={{ fontSize: 15 }}>Resync one record</h2>
      {kind === "PLANT" ? (
        <ResyncPlant key="plant" kindPicker={picker} />
      ) : (
        <ResyncRecord key="record" entity={kind} kindPicker={picker} />
      )}
    </section>
  );
}

/** One SKU, one SKU's stock at one plant, or one customer. */
function ResyncRecord({ entity, kindPicker }: { entity: Entity; kindPicker: ReactNode }) {
  const trpc = useTRPC();
  const can = useCan("resync.entity");
  const [sku, setSku] = useState("");
  const [other, setOther] = useState("");
  const key =
    entity === "STOCK" ? `${sku.trim()}|${other.trim()}` : entity === "CUSTOMERS" ? other.trim() : sku.trim();
  const preview = useMutation(trpc.resyncOne.preview.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const write = useMutation(
    trpc.resyncOne.write.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        notify(`Resync of ${preview.data?.entity} ${preview.data?.key} queued.`);
      },
    }),
  );
  const shown = preview.data;
  // after "Write": the record's finding, until the worker's re-check settles it
  const outcome = useQuery(
    trpc.drift.findings.queryOptions(
      { page: 1, pageSize: 1, entity: shown?.entity ?? "PRODUCTS", key: shown?.key ?? "x" },
      { enabled: Boolean(shown && write.data), refetchInterval: 1_000 },
    ),
  );
  const finding = write.data ? outcome.data?.rows[0] : undefined;
  return (
    <>
      <form
        className="row"
        style={{ alignItems: "flex-end", flexWrap: "wrap" }}
        onSubmit={(e) => {
          e.preventDefault();
          write.reset();
          preview.mutate({ entity, key });
        }}
      >
        {kindPicker}
        {entity !== "CUSTOMERS" && (
          <Field label="SKU">
            <input value={sku} onChange={(e) => setSku(e.target.value)} placeholder="e.g. TG11" />
          </Field>
        )}
        {entity !== "PRODUCTS" && (
          <Field label={entity === "STOCK" ? "Plant" : "Customer"}>
            <input
              value={other}
              onChange={(e) => setOther(e.target.value)}
              placeholder={entity === "STOCK" ? "e.g. 1010" : "e.g. 17100001"}
            />
          </Field>
        )}
        <button
          type="submit"
          disabled={!can || preview.isPending || key.replace("|", "") === ""}
          title={can ? undefined : needs("resync.entity")}
        >
          {preview.isPending ? "Comparing with SAP…" : "Preview"}
        </button>
      </form>
      <ErrorText error={preview.error} />
      {shown && (
        <div className="card" data-testid="resync-one-preview" style={{ marginTop: 8 }}>
          <p style={{ margin: "0 0 6px" }}>
            <strong>
              {shown.entity} <code>{shown.key}</code>
            </strong>{" "}
            — SAP now against the storefront's read model
          </p>
          <DriftDiffTable diffs={shown.diffs} testId="resync-one-diff" />
          {shown.findingId && !write.data && (
            <div className="row end">
              <button
                type="button"
                disabled={!can || write.isPending}
                title={can ? undefined : needs("resync.entity")}
                onClick={() => setConfirming(true)}
              >
                Write SAP's values…
              </button>
            </div>
          )}
          {write.data && (
            <p data-testid="resync-one-outcome">
              {finding ? <Badge value={finding.state} /> : "Queued"}{" "}
              {finding?.state === "REPAIRED"
                ? "Written: the read model now holds SAP's values."
                : finding?.state === "OPEN"
                  ? (finding.error ?? "Still different after the write.")
                  : "The worker is writing it…"}
            </p>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Resync ${shown?.entity ?? ""} ${shown?.key ?? ""}`}
        confirmLabel="Write"
        tone="primary"
        needReason={false}
        busy={write.isPending}
        error={write.error}
        onClose={() => {
          setConfirming(false);
          write.reset();
        }}
        onConfirm={(reason) =>
          shown?.findingId && write.mutate({ findingId: shown.findingId, ...(reason ? { reason } : {}) })
        }
      >
        <p>The record is read from SAP again and written to the read model; the audit log keeps this diff.</p>
        {shown && <DriftDiffTable diffs={shown.diffs} />}
      </ConfirmDialog>
    </>
  );
}
