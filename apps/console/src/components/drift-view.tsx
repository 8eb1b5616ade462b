"use client";
import type { AppRouter } from "@icp/api";
import { DRIFT_ENTITIES, type DriftEntityName, type DriftStateName, DriftStates } from "@icp/domain/drift";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useRef, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { fieldDiff, showValue } from "./field-diff";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, FilterSelect, fmtTime, needs, Pager, Progress, useCan } from "./ui";

type Outputs = inferRouterOutputs<AppRouter>;
type Finding = Outputs["drift"]["findings"]["rows"][number];
type Diff = Finding["diffs"][number];
const NO_FINDINGS: Finding[] = [];

/**
 * Field-level diff of one record: field, the read model's value (before a repair), SAP's (what a
 * repair writes). Each field is diffed on its own (field-diff.ts), its name kept as the path.
 */
export function DriftDiffTable({ diffs, testId }: { diffs: readonly Diff[]; testId?: string }) {
  const changes = diffs.flatMap((d) => fieldDiff(d.readModel, d.sap, d.field));
  if (!changes.length) return <span className="muted">In sync with SAP.</span>;
  return (
    <table data-testid={testId} aria-label="Fields that differ" className="compact">
      <thead>
        <tr>
          <th>Field</th>
          <th>Read model</th>
          <th>SAP</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} data-field={c.path}>
            <td>
              <code>{c.path}</code>
            </td>
            <td data-side="read-model">{showValue(c.before)}</td>
            <td data-side="sap">{showValue(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const col = dataTableColumns<Finding>();

/** The findings table's columns: stable, with each row's Repair button reading the latest permission and handler. */
function useFindingColumns(canRepair: boolean, onRepair: (f: Finding) => void) {
  // the columns stay stable; what a row's button does is read from here when it is clicked
  const act = useRef({ canRepair, onRepair });
  act.current = { canRepair, onRepair };
  return useMemo(
    () =>
      col.columns([
        col.accessor("entity", { header: "Entity", enableSorting: false }),
        col.accessor("key", {
          header: "Record",
          enableSorting: false,
          cell: (c) => <code>{c.getValue()}</code>,
        }),
        col.accessor("state", {
          header: "State",
          enableSorting: false,
          cell: (c) => <Badge value={c.getValue()} />,
        }),
        col.display({
          id: "diff",
          header: "SAP vs read model",
          cell: ({ row: { original: f } }) => (
            <>
              <DriftDiffTable
                diffs={f.state === "REPAIRED" ? ((f.repairedDiffs as Diff[] | null) ?? f.diffs) : f.diffs}
                testId={`drift-diff-${f.key}`}
              />
              {f.error && <div className="err">{f.error}</div>}
            </>
          ),
        }),
        col.accessor("firstSeenAt", {
          header: "First seen",
          enableSorting: false,
          cell: (c) => fmtTime(c.getValue()),
        }),
        col.accessor("lastSeenAt", {
          header: "Last seen",
          enableSorting: false,
          cell: (c) => fmtTime(c.getValue()),
        }),
        col.accessor("repairedAt", {
          header: "Repaired",
          enableSorting: false,
          cell: (c) =>
            c.getValue() ? `${fmtTime(c.getValue())} by ${c.row.original.repairedBy ?? "?"}` : "—",
        }),
        col.display({
          id: "actions",
          header: "",
          cell: ({ row: { original: f } }) => (
            <button
              type="button"
              className="small"
              disabled={!act.current.canRepair || f.state !== "OPEN"}
              title={act.current.canRepair ? undefined : needs("drift.repair")}
              onClick={() => act.current.onRepair(f)}
            >
              Repair…
            </button>
          ),
        }),
      ]),
    [],
  );
}

type Summary = Outputs["drift"]["summary"][number];

/** One entity: its open findings, the last on-demand check (progress while it runs) and the last sample. */
function EntityCard({
  s,
  canCheck,
  canRepair,
  checking,
  onCheck,
  onRepairAll,
}: {
  s: Summary;
  canCheck: boolean;
  canRepair: boolean;
  checking: boolean;
  onCheck: () => void;
  onRepairAll: () => void;
}) {
  const run = s.lastCheck;
  // QUEUED: asked for, not yet started by the worker — it holds "Check now" as RUNNING does
  const running = run?.state === "RUNNING" || run?.state === "QUEUED";
  return (
    <div className="card" data-testid={`drift-${s.entity}`}>
      <h2>{s.entity}</h2>
      <p style={{ margin: "0 0 6px" }}>
        <strong data-testid={`drift-open-${s.entity}`}>{s.open}</strong> open finding(s)
      </p>
      {run ? (
        <>
          <p className="muted" style={{ margin: "0 0 6px" }}>
            Last check <Badge value={run.state} /> {fmtTime(run.createdAt)} · {run.checked} checked ·{" "}
            {run.drifted} drifted
            {run.error ? ` · ${run.error}` : ""}
          </p>
          {running && <Progress value={run.checked} max={run.total} label={`${s.entity} drift check`} />}
        </>
      ) : (
        <p className="muted" style={{ margin: "0 0 6px" }}>
          Not checked on demand yet
        </p>
      )}
      <p className="muted" style={{ margin: "0 0 6px" }}>
        Last sample {fmtTime(s.lastSample?.createdAt)}
        {s.lastSample ? ` · ${s.lastSample.checked} checked, ${s.lastSample.drifted} drifted` : ""}
      </p>
      <div className="row">
        <button
          type="button"
          className="small"
          disabled={!canCheck || running || checking}
          title={canCheck ? undefined : needs("drift.check")}
          onClick={onCheck}
        >
          Check now
        </button>
        <button
          type="button"
          className="ghost small"
          disabled={!canRepair || s.open === 0}
          title={canRepair ? undefined : needs("drift.repair")}
          onClick={onRepairAll}
        >
          Repair all…
        </button>
      </div>
    </div>
  );
}

/**
 * The drift check's page: per entity the open findings and the last check (with "Check now" and
 * its progress, and "Repair all…"), then the findings with their field-level diff and "Repair…".
 */
export function DriftView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canCheck = useCan("drift.check");
  const canRepair = useCan("drift.repair");
  const [entity, setEntity] = useState<DriftEntityName | undefined>();
  const [state, setState] = useState<DriftStateName | undefined>();
  const [key, setKey] = useState("");
  const [page, setPage] = useState(1);
  const summary = useQuery(trpc.drift.summary.queryOptions(undefined, { refetchInterval: 2_000 }));
  const findings = useQuery(
    trpc.drift.findings.queryOptions(
      {
        page,
        pageSize: 50,
        ...(entity ? { entity } : {}),
        ...(state ? { state } : {}),
        ...(key.trim() ? { key: key.trim() } : {}),
      },
      { refetchInterval: 2_000, placeholderData: keepPreviousData },
    ),
  );
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.drift.pathKey() });
  const check = useMutation(
    trpc.drift.check.mutationOptions({
      onSuccess: (_r, v) => {
        notify(`${v.entity} drift check queued.`);
        void refresh();
      },
    }),
  );
  const [repairOne, setRepairOne] = useState<Finding | null>(null);
  const [repairAllOf, setRepairAllOf] = useState<DriftEntityName | null>(null);
  const repair = useMutation(
    trpc.drift.repair.mutationOptions({
      onSuccess: () => {
        notify(`Repair of ${repairOne?.entity} ${repairOne?.key} queued.`);
        setRepairOne(null);
        void refresh();
      },
    }),
  );
  const repairAll = useMutation(
    trpc.drift.repairAll.mutationOptions({
      onSuccess: (r) => {
        notify(`Repair of ${r.keys.length} ${repairAllOf} record(s) queued.`);
        setRepairAllOf(null);
        void refresh();
      },
    }),
  );
  const columns = useFindingColumns(canRepair, setRepairOne);
  return (
    <>
      <ErrorText error={check.error ?? summary.error ?? findings.error} />
      <div className="cards">
        {summary.data?.map((s) => (
          <EntityCard
            key={s.entity}
            s={s}
            canCheck={canCheck}
            canRepair={canRepair}
            checking={check.isPending}
            onCheck={() => check.mutate({ entity: s.entity })}
            onRepairAll={() => setRepairAllOf(s.entity)}
          />
        ))}
      </div>
      <section>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 style={{ fontSize: 15, margin: 0 }}>Findings</h2>
          <div className="row">
            <FilterSelect
              label="Entity"
              value={entity}
              options={DRIFT_ENTITIES}
              onChange={(v) => {
                setEntity(v);
                setPage(1);
              }}
            />
            <label className="muted">
              Record{" "}
              <input
                value={key}
                size={14}
                placeholder="SKU, customer, SKU|plant"
                onChange={(e) => {
                  setKey(e.target.value);
                  setPage(1);
                }}
              />
            </label>
            <FilterSelect
              label="State"
              value={state}
              options={DriftStates}
              onChange={(v) => {
                setState(v);
                setPage(1);
              }}
            />
          </div>
        </div>
        <DataTable
          label="Drift findings"
          testId="drift-findings"
          data={findings.data?.rows ?? NO_FINDINGS}
          columns={columns}
          getRowId={(f) => f.id}
          rowHeight={80}
          empty="No drift found: SAP and the read model agree on every record checked."
        />
        {findings.data && (
          <Pager
            page={findings.data.page}
            pages={findings.data.pages}
            total={findings.data.total}
            onPage={setPage}
          />
        )}
      </section>
      <ConfirmDialog
        open={repairOne !== null}
        title={`Repair ${repairOne?.entity ?? ""} ${repairOne?.key ?? ""}`}
        confirmLabel="Repair"
        tone="primary"
        busy={repair.isPending}
        error={repair.error}
        onClose={() => {
          setRepairOne(null);
          repair.reset();
        }}
        onConfirm={(reason) => repairOne && repair.mutate({ id: repairOne.id, reason })}
      >
        <p>
          The record is read from SAP now and written to the read model (a targeted resync), then checked
          again. These fields change:
        </p>
        {repairOne && <DriftDiffTable diffs={repairOne.diffs} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={repairAllOf !== null}
        title={`Repair all open ${repairAllOf ?? ""} findings`}
        confirmLabel="Repair all"
        tone="primary"
        busy={repairAll.isPending}
        error={repairAll.error}
        onClose={() => {
          setRepairAllOf(null);
          repairAll.reset();
        }}
        onConfirm={(reason) => repairAllOf && repairAll.mutate({ entity: repairAllOf, reason })}
      >
        <p>
          Every open {repairAllOf?.toLowerCase()} finding (up to 500 at a time) is read from SAP again and
          written to the read model, then checked again.
        </p>
      </ConfirmDialog>
    </>
  );
}
