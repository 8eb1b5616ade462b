import type { Db } from "@icp/db";

type Row = Record<string, unknown> & { id: string };

/**
 * A tiny in-memory stand-in for the Prisma calls the failure, resync and replay handlers make
 * (equality, `in`, a `gte`/`lte` window and `AND` filters only), so their rules are unit-tested without PostgreSQL. The
 * real queries are exercised by the Playwright specs against the stack.
 */
export function memoryDb(seed: Partial<Record<string, Row[]>> = {}) {
  const tables: Record<string, Row[]> = {
    failureRecord: [],
    orderEvent: [],
    orderLink: [],
    auditLog: [],
    syncRun: [],
    syncWatermark: [],
    replayRun: [],
    driftRun: [],
    driftFinding: [],
    // Empty: every approval rule at its default (bulk actions over 100 held, full resync not).
    approvalRule: [],
    approvalRequest: [],
    ...seed,
  } as Record<string, Row[]>;
  let seq = 0;
  // Prisma hands out copies: a handler holding a row must not see later writes through it.
  const copy = (row: Row | undefined) => (row ? structuredClone(row) : null);
  const matches = (row: Row, where: Record<string, unknown> = {}): boolean =>
    Object.entries(where).every(([k, v]): boolean => {
      if (k === "AND") return (v as Record<string, unknown>[]).every((w) => matches(row, w));
      if (v && typeof v === "object" && !(v instanceof Date) && "in" in v)
        return (v.in as unknown[]).includes(row[k]);
      // A time window (`createdAt: { gte, lte }`), as a pinned bulk filter has.
      if (v && typeof v === "object" && !(v instanceof Date) && ("lte" in v || "gte" in v)) {
        const at = row[k] as Date;
        const { lte, gte } = v as { lte?: Date; gte?: Date };
        return (!lte || at <= lte) && (!gte || at >= gte);
      }
      return row[k] === v;
    });
  const model = (name: string) => {
    const t = () => tables[name] as Row[];
    return {
      findUnique: async ({ where }: { where: Record<string, unknown> }) =>
        copy(t().find((r) => matches(r, where))),
      findUniqueOrThrow: async ({ where }: { where: Record<string, unknown> }) => {
        const row = t().find((r) => matches(r, where));
        if (!row) throw new Error(`${name} not found`);
        return copy(row);
      },
      findFirst: async ({ where }: { where?: Record<string, unknown> } = {}) =>
        copy(t().find((r) => matches(r, where))),
      findMany: async ({ where, take }: { where?: Record<string, unknown>; take?: number } = {}) =>
        t()
          .filter((r) => matches(r, where))
          .slice(0, take ?? Number.POSITIVE_INFINITY)
          .map((r) => copy(r) as Row),
      count: async ({ where }: { where?: Record<string, unknown> } = {}) =>
        t().filter((r) => matches(r, where)).length,
      create: async ({ data }: { data: Record<string, unknown> }) => {
        const row = { id: `${name}-${++seq}`, createdAt: new Date(), ...data } as Row;
        t().push(row);
        return row;
      },
      update: async ({ where, data }: { where: Record<string, unknown>; data: Record<string, unknown> }) => {
        const row = t().find((r) => matches(r, where));
        if (!row) throw new Error(`${name} not found`);
        Object.assign(row, structuredClone(data));
        return copy(row);
      },
      updateMany: async ({
        where,
        data,
      }: {
        where: Record<string, unknown>;
        data: Record<string, unknown>;
      }) => {
        const rows = t().filter((r) => matches(r, where));
        for (const r of rows) Object.assign(r, data);
        return { count: rows.length };
      },
    };
  };
  const db = {
    failureRecord: model("failureRecord"),
    orderEvent: model("orderEvent"),
    orderLink: model("orderLink"),
    auditLog: model("auditLog"),
    syncRun: model("syncRun"),
    syncWatermark: model("syncWatermark"),
    replayRun: model("replayRun"),
    driftRun: model("driftRun"),
    driftFinding: model("driftFinding"),
    approvalRule: model("approvalRule"),
    approvalRequest: model("approvalRequest"),
    $executeRaw: async () => 0,
    // Row locks (the order owner's lockOrder) mean nothing in one process's memory.
    $queryRaw: async () => [],
    // Enough for the handlers: the callback gets the same client; a throw leaves earlier writes
    // in place, so tests assert on the order of side effects rather than on rollback.
    $transaction: async (fn: (tx: unknown) => Promise<unknown>) => fn(db),
  };
  return { db: db as unknown as Db, tables };
}
