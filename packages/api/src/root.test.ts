import { initTRPC, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { ApiContext } from "./context";
import { PERMISSIONS, type Permission } from "./permissions";
import { appRouter } from "./root";
import { contextFor, fakeServices, untouchableDb } from "./testing";
import { createCallerFactory, type ProcedureMeta } from "./trpc";

type AnyProcedure = {
  _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta; inputs: unknown[] };
};
type AnyRouter = { _def: { procedures: unknown } };
type Caller = (ctx: ApiContext) => unknown;
type Who = Parameters<typeof contextFor>[0];

const proceduresOf = (r: AnyRouter) =>
  Object.entries(r._def.procedures as Record<string, AnyProcedure>) as [string, AnyProcedure][];
const procedures = proceduresOf(appRouter);
const appCaller = createCallerFactory(appRouter) as unknown as Caller;

/** Call a procedure by its dotted path, the way the HTTP adapter does. */
async function call(who: Who, path: string, input: unknown, services = fakeServices(), caller = appCaller) {
  let fn: unknown = caller(contextFor(who, services));
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function outcome(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
    return { code: "OK", message: "" };
  } catch (e) {
    return e instanceof TRPCError
      ? { code: e.code, message: e.message }
      : { code: "not a TRPCError", message: (e as Error).message };
  }
}

/**
 * Services whose database answers nothing, ever: the first use proves the handler ran (the call
 * got past its gate) without letting it go on into test doubles it would reject.
 */
function stallingServices() {
  let ran!: () => void;
  const reached = new Promise<"PAST THE GATE">((resolve) => {
    ran = () => resolve("PAST THE GATE");
  });
  const never = () => new Promise<never>(() => {});
  const db = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === "then") return undefined;
        ran();
        return new Proxy(never, { get: () => never });
      },
    },
  ) as ReturnType<typeof untouchableDb>;
  return { services: fakeServices({ db }), reached };
}

const allBut = (p: Permission) => PERMISSIONS.filter((x) => x !== p);
const onlyWithRead = (p: Permission): Permission[] => [...new Set<Permission>(["console.read", p])];

/**
 * The gate of one procedure, proven from outside: its meta names a known permission; an
 * anonymous caller gets UNAUTHORIZED and a user holding every permission but that one gets
 * FORBIDDEN naming it, neither touching data; a user holding only it (and console.read) gets
 * past the gate. Returns what is wrong, empty when nothing is.
 */
async function gateProblems(path: string, proc: AnyProcedure, caller = appCaller): Promise<string[]> {
  const problems: string[] = [];
  const need = proc._def.meta?.permission;
  if (!need || !(PERMISSIONS as readonly string[]).includes(need)) {
    return [`${path} declares no known permission (meta ${JSON.stringify(proc._def.meta)})`];
  }
  const refused = async (who: Who, code: string, naming?: string) => {
    const touched: string[] = [];
    const got = await outcome(
      call(who, path, undefined, fakeServices({ db: untouchableDb(touched) }), caller),
    );
    const as = who === null ? "anonymous" : "without it";
    if (got.code !== code) problems.push(`${path} ${as}: ${got.code} (${got.message}), wanted ${code}`);
    if (naming && !got.message.includes(naming))
      problems.push(`${path} ${as}: message "${got.message}" does not name ${naming}`);
    if (touched.length > 0) problems.push(`${path} ${as}: touched ${touched.join(", ")}`);
  };
  await refused(null, "UNAUTHORIZED");
  await refused({ permissions: allBut(need) }, "FORBIDDEN", need);
  const { services, reached } = stallingServices();
  const allowed = await Promise.race([
    outcome(call({ permissions: onlyWithRead(need) }, path, undefined, services, caller)),
    reached.then((code) => ({ code, message: "" })),
  ]);
  if (allowed.code === "UNAUTHORIZED" || allowed.code === "FORBIDDEN") {
    problems.push(`${path} with only ${need}: ${allowed.code} (${allowed.message})`);
  }
  return problems;
}

describe("every procedure of appRouter", () => {
  it("is enumerated (a guard against an empty or renamed record)", () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(procedures.map(([p]) => p)).toContain("failures.retry");
  });

  it("gates the error inbox by action: retry, discard, edit and triage are separate permissions", () => {
    const permissionOf = Object.fromEntries(procedures.map(([p, proc]) => [p, proc._def.meta?.permission]));
    expect({
      groups: permissionOf["failures.groups"],
      retry: permissionOf["failures.retry"],
      retryMany: permissionOf["failures.retryMany"],
      discard: permissionOf["failures.discard"],
      discardMany: permissionOf["failures.discardMany"],
      editAndRetry: permissionOf["failures.editAndRetry"],
      assign: permissionOf["failures.assign"],
      assignMany: permissionOf["failures.assignMany"],
      tag: permissionOf["failures.tag"],
      tagMany: permissionOf["failures.tagMany"],
    }).toEqual({
      groups: "console.read",
      retry: "failures.retry",
      retryMany: "failures.retry",
      discard: "failures.discard",
      discardMany: "failures.discard",
      editAndRetry: "failures.edit",
      assign: "failures.assign",
      assignMany: "failures.assign",
      tag: "failures.assign",
      tagMany: "failures.assign",
    });
  });

  it.each(procedures)(
    "%s refuses anonymous and a user without its permission, and lets a user with only it through",
    async (path, proc) => {
      expect(await gateProblems(path, proc)).toEqual([]);
    },
  );

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
      const need = proc._def.meta?.permission as Permission;
      expect(
        (await outcome(call({ permissions: onlyWithRead(need) }, path, "not an object", services))).code,
      ).toBe("BAD_REQUEST");
      expect(touched).toEqual([]);
    },
  );
});

describe("the enumerated gate check", () => {
  // A router made without procedureFor: what a procedure that skipped the gate looks like.
  const rogue = initTRPC.context<ApiContext>().meta<ProcedureMeta>().create();
  const rogueRouter = rogue.router({
    open: rogue.procedure.query(() => "anyone"),
    claims: rogue.procedure.meta({ permission: "failures.discard" }).mutation(() => "discarded"),
  });
  const rogueCaller = rogue.createCallerFactory(rogueRouter) as unknown as Caller;
  const [open, claims] = proceduresOf(rogueRouter).map(([, p]) => p) as [AnyProcedure, AnyProcedure];

  it("flags a procedure built without a permission", async () => {
    expect(await gateProblems("open", open, rogueCaller)).toEqual([
      expect.stringMatching(/^open declares no known permission/),
    ]);
  });

  it("flags a procedure whose meta names a permission it does not enforce", async () => {
    const problems = await gateProblems("claims", claims, rogueCaller);
    expect(problems).toEqual([
      "claims anonymous: OK (), wanted UNAUTHORIZED",
      "claims without it: OK (), wanted FORBIDDEN",
      'claims without it: message "" does not name failures.discard',
    ]);
  });
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
