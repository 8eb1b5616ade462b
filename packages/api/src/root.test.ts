import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "./roles";
import { appRouter } from "./root";
import { contextFor, fakeServices, untouchableDb } from "./testing";
import { createCallerFactory, type ProcedureMeta } from "./trpc";

type AnyProcedure = {
  _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta; inputs: unknown[] };
};
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

/** Call a procedure by its dotted path, the way the HTTP adapter does. */
async function call(role: Role | null, path: string, input: unknown, services = fakeServices()) {
  const caller = createCallerFactory(appRouter)(contextFor(role, services)) as unknown as Record<
    string,
    unknown
  >;
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `not a TRPCError: ${(e as Error).message}`;
  }
}

const below = (role: Role) => ROLES.slice(0, ROLES.indexOf(role));

describe("every procedure of appRouter", () => {
  it("is enumerated (a guard against an empty or renamed record)", () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(procedures.map(([p]) => p)).toContain("failures.retry");
  });

  it("gates the error inbox: a viewer reads its groups, every change and dry run needs an operator", () => {
    const roleOf = Object.fromEntries(procedures.map(([p, proc]) => [p, proc._def.meta?.role]));
    expect({
      groups: roleOf["failures.groups"],
      bulkPreview: roleOf["failures.bulkPreview"],
      discardMany: roleOf["failures.discardMany"],
      assign: roleOf["failures.assign"],
      assignMany: roleOf["failures.assignMany"],
      tag: roleOf["failures.tag"],
      tagMany: roleOf["failures.tagMany"],
    }).toEqual({
      groups: "viewer",
      bulkPreview: "operator",
      discardMany: "operator",
      assign: "operator",
      assignMany: "operator",
      tag: "operator",
      tagMany: "operator",
    });
  });

  it.each(procedures)("%s declares its role through procedureFor", (_path, proc) => {
    expect(ROLES).toContain(proc._def.meta?.role);
  });

  it.each(procedures)("%s refuses an anonymous caller without touching data", async (path) => {
    const touched: string[] = [];
    expect(await codeOf(call(null, path, undefined, fakeServices({ db: untouchableDb(touched) })))).toBe(
      "UNAUTHORIZED",
    );
    expect(touched).toEqual([]);
  });

  it.each(procedures)("%s refuses every role below its own", async (path, proc) => {
    const need = proc._def.meta?.role as Role;
    for (const role of below(need)) {
      const touched: string[] = [];
      expect(
        await codeOf(call(role, path, undefined, fakeServices({ db: untouchableDb(touched) }))),
        `${path} as ${role}`,
      ).toBe("FORBIDDEN");
      expect(touched).toEqual([]);
    }
  });

  it.each(procedures.filter(([, p]) => p._def.type === "mutation"))(
    "mutation %s is built with mutationFor (audited)",
    (_path, proc) => {
      expect(proc._def.meta?.audited).toBe(true);
    },
  );

  it.each(procedures.filter(([, p]) => p._def.inputs.length > 0))(
    "%s answers malformed input with BAD_REQUEST and changes nothing",
    async (path, proc) => {
      const touched: string[] = [];
      const services = fakeServices({ db: untouchableDb(touched) });
      const role = proc._def.meta?.role as Role;
      expect(await codeOf(call(role, path, "not an object", services))).toBe("BAD_REQUEST");
      expect(touched).toEqual([]);
    },
  );
});

describe("pipeline.health", () => {
  it("sums lag across partitions for a viewer", async () => {
    const services = fakeServices({
      consumerLag: async () => [{ group: "g", topic: "orders", partition: 0, committed: 5, end: 9, lag: 4 }],
    });
    const res = (await call("viewer", "pipeline.health", undefined, services)) as { totalLag: number };
    expect(res.totalLag).toBe(4);
  });
});
