import type { Db, DriftEntity, DriftRunKind, Prisma } from "@icp/db";
import {
  DRIFT_MOVES,
  type DriftDiff,
  type DriftEntityName,
  type DriftErrorCode,
  type DriftStateName,
  driftCheckJobId,
  driftRepairJobId,
  UNSETTLED_DRIFT,
} from "@icp/domain";

/**
 * The one writer of `drift_run` and `drift_finding`. A finding is one row per record (entity +
 * key) whose state moves only as DRIFT_MOVES allows, by compare-and-set; the console reads
 * these tables and never writes them.
 */
export interface DriftStore {
  startRun(run: {
    id: string;
    entity: DriftEntityName;
    kind: DriftRunKind;
    key?: string;
    plant?: string;
    startedBy: string;
  }): Promise<void>;
  progress(runId: string, p: { checked: number; drifted: number; total?: number }): Promise<void>;
  finishRun(
    runId: string,
    end: { state: "SUCCEEDED" } | { state: "FAILED"; errorCode: DriftErrorCode; error: string },
    cursor?: string | null,
  ): Promise<void>;
  /** Where the entity's next sample starts: after the last key the previous sample checked. */
  sampleCursor(entity: DriftEntityName): Promise<string | null>;
  /**
   * A check's outcome for these records: each with diffs is (re)opened, or refreshed while a
   * repair is under way; each without is resolved if it was open.
   */
  record(
    entity: DriftEntityName,
    runId: string,
    results: { key: string; diffs: DriftDiff[] }[],
  ): Promise<{ opened: number; resolved: number }>;
  /** Open findings of these keys taken by a repair; answers the keys taken, with their diffs. */
  startRepair(
    entity: DriftEntityName,
    keys: string[],
    repairId: string,
    by: string,
  ): Promise<Map<string, DriftDiff[]>>;
  /** The repair's re-check: equal → REPAIRED (keeping the diff it repaired); still different → OPEN with why. */
  endRepair(
    entity: DriftEntityName,
    repairId: string,
    outcome: { key: string; before: DriftDiff[]; after: DriftDiff[]; error?: string }[],
  ): Promise<{ repaired: number; reopened: number }>;
  openCounts(): Promise<Record<DriftEntityName, number>>;
  /**
   * RUNNING checks whose job is gone or ended (a worker killed mid-run) end FAILED with the
   * reason, so the console's "Check now" is not held back by a run nobody works on. Runs
   * younger than `graceMs` are left alone; a sample (no job of its own) after an hour. Findings a
   * lost repair left REPAIRING go back to OPEN with the reason, so they can be repaired again.
   */
  reapOrphans(jobState: (jobId: string) => Promise<string | undefined>, graceMs?: number): Promise<string[]>;
  /** SAMPLE runs older than this go (ENTITY and KEY runs stay: the console lists them). */
  pruneSamples(before: Date): Promise<number>;
}

const from = (to: DriftStateName) => ({ in: [...DRIFT_MOVES[to]] });
const json = (diffs: DriftDiff[]) => diffs as unknown as Prisma.InputJsonValue;

export function driftStore(db: Db, now: () => Date = () => new Date()): DriftStore {
  return {
    async startRun(run) {
      await db.driftRun.upsert({
        where: { id: run.id },
        create: {
          id: run.id,
          entity: run.entity,
          kind: run.kind,
          key: run.key ?? null,
          plant: run.plant ?? null,
          startedBy: run.startedBy,
          state: "RUNNING",
        },
        // the console's QUEUED run starts; a job BullMQ ran again after a lost lock starts over
        update: { state: "RUNNING", checked: 0, drifted: 0, error: null, errorCode: null, finishedAt: null },
      });
    },
    async progress(runId, p) {
      await db.driftRun.update({
        where: { id: runId },
        data: {
          checked: p.checked,
          drifted: p.drifted,
          ...(p.total !== undefined ? { total: p.total } : {}),
        },
      });
    },
    async finishRun(runId, end, cursor) {
      await db.driftRun.update({
        where: { id: runId },
        data: {
          state: end.state,
          finishedAt: now(),
          ...(end.state === "FAILED" ? { errorCode: end.errorCode, error: end.error.slice(0, 2000) } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        },
      });
    },
    async sampleCursor(entity) {
      const last = await db.driftRun.findFirst({
        where: { entity, kind: "SAMPLE", state: "SUCCEEDED" },
        orderBy: { createdAt: "desc" },
        select: { cursor: true },
      });
      return last?.cursor ?? null;
    },
    async record(entity, runId, results) {
      let opened = 0;
      const at = now();
      // the equal ones (most of a check) in one statement: those open are resolved
      const equal = results.filter((r) => r.diffs.length === 0).map((r) => r.key);
      const { count: resolved } = equal.length
        ? await db.driftFinding.updateMany({
            where: { entity, key: { in: equal }, state: from("RESOLVED") },
            data: { state: "RESOLVED", lastSeenAt: at, runId, error: null },
          })
        : { count: 0 };
      for (const r of results) {
        if (r.diffs.length === 0) continue;
        // while a repair holds it, a check only refreshes what it saw
        const held = await db.driftFinding.updateMany({
          where: { entity, key: r.key, state: "REPAIRING" },
          data: { diffs: json(r.diffs), lastSeenAt: at, runId },
        });
        if (held.count) continue;
        const again = await db.driftFinding.updateMany({
          where: { entity, key: r.key, state: "OPEN" },
          data: { diffs: json(r.diffs), lastSeenAt: at, runId },
        });
        if (again.count) {
          opened++;
          continue;
        }
        // new, or drifted again after a repair or a resolution: a new episode
        const reopened = await db.driftFinding.updateMany({
          where: { entity, key: r.key, state: { in: ["REPAIRED", "RESOLVED"] } },
          data: {
            state: "OPEN",
            diffs: json(r.diffs),
            firstSeenAt: at,
            lastSeenAt: at,
            runId,
            error: null,
          },
        });
        if (!reopened.count)
          await db.driftFinding.upsert({
            where: { entity_key: { entity: entity as DriftEntity, key: r.key } },
            create: { entity, key: r.key, diffs: json(r.diffs), firstSeenAt: at, lastSeenAt: at, runId },
            update: { diffs: json(r.diffs), lastSeenAt: at, runId },
          });
        opened++;
      }
      return { opened, resolved };
    },
    async startRepair(entity, keys, repairId, by) {
      // compare-and-set of them all at once: a finding another repair took is not returned
      const taken = await db.driftFinding.updateManyAndReturn({
        where: { entity, key: { in: keys }, state: from("REPAIRING") },
        data: { state: "REPAIRING", repairId, repairedBy: by, error: null },
        select: { key: true, diffs: true },
      });
      return new Map(taken.map((f) => [f.key, f.diffs as unknown as DriftDiff[]]));
    },
    async endRepair(entity, repairId, outcome) {
      let repaired = 0;
      let reopened = 0;
      const at = now();
      for (const o of outcome) {
        if (o.after.length === 0 && !o.error) {
          const done = await db.driftFinding.updateMany({
            where: { entity, key: o.key, repairId, state: from("REPAIRED") },
            data: { state: "REPAIRED", repairedAt: at, repairedDiffs: json(o.before), lastSeenAt: at },
          });
          repaired += done.count;
        } else {
          const back = await db.driftFinding.updateMany({
            where: { entity, key: o.key, repairId, state: "REPAIRING" },
            data: {
              state: "OPEN",
              ...(o.after.length ? { diffs: json(o.after) } : {}),
              lastSeenAt: at,
              error: (o.error ?? "SAP and the read model still differ after the repair").slice(0, 2000),
            },
          });
          reopened += back.count;
        }
      }
      return { repaired, reopened };
    },
    async openCounts() {
      const groups = await db.driftFinding.groupBy({
        by: ["entity"],
        where: { state: { in: [...UNSETTLED_DRIFT] } },
        _count: { _all: true },
      });
      const out: Record<DriftEntityName, number> = { PRODUCTS: 0, STOCK: 0, CUSTOMERS: 0 };
      for (const g of groups) out[g.entity] = g._count._all;
      return out;
    },
    reapOrphans: (jobState, graceMs) => reapOrphanedChecks(db, now(), jobState, graceMs),
    async pruneSamples(before) {
      const r = await db.driftRun.deleteMany({
        where: { kind: "SAMPLE", createdAt: { lt: before }, state: { in: ["SUCCEEDED", "FAILED"] } },
      });
      return r.count;
    },
  };
}

/** DriftStore.reapOrphans. */
async function reapOrphanedChecks(
  db: Db,
  at: Date,
  jobState: (jobId: string) => Promise<string | undefined>,
  graceMs = 120_000,
): Promise<string[]> {
  const alive = (state: string | undefined) =>
    state === "active" || state === "waiting" || state === "delayed" || state === "prioritized";
  // QUEUED: a run the console created whose job never came (or went)
  const running = await db.driftRun.findMany({
    where: { state: { in: ["QUEUED", "RUNNING"] }, createdAt: { lt: new Date(at.getTime() - graceMs) } },
    select: { id: true, kind: true, createdAt: true, checked: true },
  });
  const reaped: string[] = [];
  for (const run of running) {
    const state = run.kind === "SAMPLE" ? undefined : await jobState(driftCheckJobId(run.id));
    if (run.kind === "SAMPLE" && at.getTime() - run.createdAt.getTime() < 3600_000) continue;
    if (alive(state)) continue;
    const r = await db.driftRun.updateMany({
      where: { id: run.id, state: { in: ["QUEUED", "RUNNING"] } },
      data: {
        state: "FAILED",
        finishedAt: at,
        errorCode: "INTERNAL",
        error: `the worker lost this check (its job is ${state ?? "gone"}) after ${run.checked} record(s); start it again`,
      },
    });
    if (r.count) reaped.push(run.id);
  }
  const held = await db.driftFinding.findMany({
    where: { state: "REPAIRING", updatedAt: { lt: new Date(at.getTime() - graceMs) } },
    select: { id: true, repairId: true },
  });
  for (const f of held) {
    const state = f.repairId ? await jobState(driftRepairJobId(f.repairId)) : undefined;
    if (alive(state)) continue;
    const r = await db.driftFinding.updateMany({
      where: { id: f.id, state: "REPAIRING", repairId: f.repairId },
      data: {
        state: "OPEN",
        error: `the worker lost this repair (its job is ${state ?? "gone"}); repair it again`,
      },
    });
    if (r.count) reaped.push(f.id);
  }
  return reaped;
}
