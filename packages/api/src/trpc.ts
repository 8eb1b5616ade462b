import type { Prisma } from "@icp/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { ApiContext, StaffUser } from "./context";
import { appCodeOf, asAppTrpcError } from "./errors";
import { hasPermission, isRole, type Permission, type Role } from "./permissions";

export interface ProcedureMeta {
  /** The permission a caller needs (permissions.ts). */
  permission: Permission;
  /** Built with `mutationFor`: the handler must write an audit entry. */
  audited?: boolean;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // Never ship stack traces to the browser: the key is dropped, not set to undefined (which
      // superjson would still name in its metadata).
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        data: {
          ...data,
          validation: error.cause instanceof ZodError ? error.cause.issues : undefined,
          // Typed error code the UI can act on (e.g. SYNC_ALREADY_RUNNING), from errors.ts' table.
          appCode: appCodeOf(error.cause),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export { AppError, appError } from "./errors";

/**
 * Every procedure's base: a typed error of a port that reaches it unmapped (its `code` is in
 * errors.ts' table, e.g. RedisUnavailableError) leaves as that table's tRPC code, not a 500.
 */
const baseProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = asAppTrpcError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

/**
 * FORBIDDEN, naming the permission, unless the user has it. The gate of `procedureFor`, and a
 * second check inside a handler for an input that decides the action (e.g. a bulk preview of a
 * discard needs failures.discard).
 */
export function requirePermission(user: StaffUser, permission: Permission): void {
  if (hasPermission(user, permission)) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: `This needs the ${permission} permission; your role ${user.role} does not have it.`,
  });
}

/**
 * The one authorisation gate. Every procedure is built from `procedureFor(permission)`, which
 * records the permission it needs in its meta, so a test can enumerate procedures and prove each
 * refuses an anonymous caller and a user without that permission.
 */
export function procedureFor(permission: Permission) {
  return baseProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to use the console." });
    requirePermission(ctx.user, permission);
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export interface AuditEntry {
  /** Dotted verb, e.g. "failure.retry". */
  action: string;
  targetType: string;
  targetId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/** A Prisma client or the transaction client of `db.$transaction(async (tx) => …)`. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditFn = (entry: AuditEntry, tx?: AuditWriter) => Promise<void>;

/** The audit log's actor role of each built-in role (the column's enum; any other role is CUSTOM). */
const ACTOR_ROLE = { viewer: "VIEWER", operator: "OPERATOR", admin: "ADMIN" } as const satisfies Record<
  Role,
  string
>;

/** JSON for a Json column: BigInt and Date made plain, undefined dropped. */
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** The audit's actor role: a role other than the built-in three (or several roles) is CUSTOM. */
function actorRoleOf(role: string): (typeof ACTOR_ROLE)[Role] | "CUSTOM" {
  return isRole(role) ? ACTOR_ROLE[role] : "CUSTOM";
}

export function auditRow(user: StaffUser, ctx: Pick<ApiContext, "ip" | "requestId">, entry: AuditEntry) {
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  return {
    actorId: user.id,
    actorEmail: user.email || null,
    actorRole: actorRoleOf(user.role),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    reason: entry.reason ?? null,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    ip: ctx.ip ?? null,
    requestId: ctx.requestId,
  };
}

/**
 * Every mutation is built from `mutationFor(permission)`: the gate of `procedureFor` plus
 * `ctx.audit(entry, tx?)`, which writes an AuditLog row (pass the transaction client to write it
 * with the change). A mutation that succeeds without writing one fails with
 * INTERNAL_SERVER_ERROR, so no mutation can forget its audit (invariant 5).
 */
export function mutationFor(permission: Permission) {
  return procedureFor(permission)
    .meta({ permission, audited: true })
    .use(async ({ ctx, next, path }) => {
      let written = 0;
      const audit: AuditFn = async (entry, tx) => {
        await (tx ?? ctx.services.db).auditLog.create({ data: auditRow(ctx.user, ctx, entry) });
        written++;
      };
      const result = await next({ ctx: { ...ctx, audit } });
      if (result.ok && written === 0) {
        const err = new TRPCError({
          code: "INTERNAL_SERVER_ERROR",
          message: `Mutation ${path} wrote no audit entry.`,
        });
        // Logged by the adapter's onError (INTERNAL_SERVER_ERROR), once, with the request id.
        throw err;
      }
      return result;
    });
}

/** The context a `mutationFor` handler receives. */
export type AuditedContext = ApiContext & { user: StaffUser; audit: AuditFn };
