"use client";
import type { AppRouter } from "@icp/api";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { type ReactNode, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { showValue } from "./field-diff";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, needs, useCan } from "./ui";

type Level = inferRouterOutputs<AppRouter>["resyncOne"]["previewPlant"]["levels"][number];

const quantity = (l: Level, side: "sap" | "readModel") =>
  showValue(l.diffs.find((d) => d.field === "quantity")?.[side] ?? null);

const col = dataTableColumns<Level>();
const COLUMNS = [
  col.accessor("sku", { header: "SKU", meta: { filter: "text" } }),
  col.display({ id: "readModel", header: "Read model", cell: (c) => quantity(c.row.original, "readModel") }),
  col.display({ id: "sap", header: "SAP", cell: (c) => quantity(c.row.original, "sap") }),
  col.accessor("state", { header: "State", cell: (c) => <Badge value={c.getValue()} /> }),
];
const NO_LEVELS: Level[] = [];

/**
 * One plant's stock as a whole: the worker compares every level SAP and the read model have at
 * the plant (at most 5,000; the preview says when it was cut short) and lists each that differs;
 * "Write" resyncs all of them through the drift repair's write path, and the page follows them
 * until the re-check settles each.
 */
export function ResyncPlant({ kindPicker }: { kindPicker: ReactNode }) {
  const trpc = useTRPC();
  const can = useCan("resync.entity");
  const [plant, setPlant] = useState("");
  const preview = useMutation(trpc.resyncOne.previewPlant.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const write = useMutation(
    trpc.resyncOne.writePlant.mutationOptions({
      onSuccess: (r) => {
        setConfirming(false);
        notify(`Resync of ${r.levels} stock level(s) at plant ${r.plant} queued.`);
      },
    }),
  );
  const shown = preview.data;
  const outcome = useQuery(
    trpc.resyncOne.plantOutcome.queryOptions(
      { repairIds: write.data?.repairIds ?? ["00000000-0000-0000-0000-000000000000"] },
      { enabled: Boolean(write.data), refetchInterval: 1_000 },
    ),
  );
  const open = shown?.levels.filter((l) => l.state === "OPEN").length ?? 0;
  const o = write.data ? outcome.data : undefined;
  return (
    <>
      <form
        className="row"
        style={{ alignItems: "flex-end", flexWrap: "wrap" }}
        onSubmit={(e) => {
          e.preventDefault();
          write.reset();
          preview.mutate({ plant: plant.trim() });
        }}
      >
        {kindPicker}
        <Field label="Plant">
          <input value={plant} onChange={(e) => setPlant(e.target.value)} placeholder="e.g. 1010" />
        </Field>
        <button
          type="submit"
          disabled={!can || preview.isPending || plant.trim() === ""}
          title={can ? undefined : needs("resync.entity")}
        >
          {preview.isPending ? "Comparing the plant with SAP…" : "Preview"}
        </button>
      </form>
      <ErrorText error={preview.error} />
      {shown && (
        <div className="card" data-testid="resync-plant-preview" style={{ marginTop: 8 }}>
          <p style={{ margin: "0 0 6px" }}>
            <strong>
              Stock at plant <code>{shown.plant}</code>
            </strong>{" "}
            — SAP now against the storefront's read model: {shown.checked} level(s) compared,{" "}
            <strong data-testid="resync-plant-drifted">{shown.levels.length}</strong> differ.
          </p>
          {shown.truncated && (
            <p className="err" data-testid="resync-plant-truncated">
              Cut short: the plant has at least {shown.total} levels; the first {shown.checked} (by SKU) were
              compared. Resync the STOCK entity for the rest.
            </p>
          )}
          <DataTable
            label={`Stock levels that differ at plant ${shown.plant}`}
            testId="resync-plant-levels"
            data={shown.levels ?? NO_LEVELS}
            columns={COLUMNS}
            getRowId={(l) => l.key}
            maxHeight={360}
            empty="Every level at this plant agrees with SAP."
          />
          {open > 0 && !write.data && (
            <div className="row end">
              <button
                type="button"
                disabled={!can || write.isPending}
                title={can ? undefined : needs("resync.entity")}
                onClick={() => setConfirming(true)}
              >
                Write SAP's values to {open} level(s)…
              </button>
            </div>
          )}
          {write.data && (
            <p data-testid="resync-plant-outcome">
              {o ? (
                <>
                  <Badge value="REPAIRED" /> {o.REPAIRED} · <Badge value="REPAIRING" /> {o.REPAIRING} ·{" "}
                  <Badge value="OPEN" /> {o.OPEN} of {write.data.levels}
                  {o.REPAIRED === write.data.levels
                    ? " — written: the read model now holds SAP's stock at this plant."
                    : o.OPEN > 0 && o.REPAIRING === 0
                      ? ` — still different: ${o.failed
                          .slice(0, 3)
                          .map((f) => `${f.key}${f.error ? ` (${f.error})` : ""}`)
                          .join("; ")}`
                      : " — the worker is writing them…"}
                </>
              ) : (
                "Queued"
              )}
            </p>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Resync the stock at plant ${shown?.plant ?? ""}`}
        confirmLabel={`Write ${open} level(s)`}
        tone="primary"
        needReason={false}
        busy={write.isPending}
        error={write.error}
        onClose={() => {
          setConfirming(false);
          write.reset();
        }}
        onConfirm={(reason) => shown && write.mutate({ runId: shown.runId, ...(reason ? { reason } : {}) })}
      >
        <p>
          Each of the {open} level(s) that differ is read from SAP again and written to the read model; the
          audit log keeps every level's read-model and SAP quantity.
        </p>
      </ConfirmDialog>
    </>
  );
}
