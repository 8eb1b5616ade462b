import type { Prisma } from "@icp/db";
import { z } from "zod";
import { isRole, normalisePermissions, PERMISSION_INFO, PERMISSIONS, PRESETS } from "../../permissions";
import { invalidateRoleCache } from "../../staff-roles";
import { type AuditedContext, appError, mutationFor, procedureFor, router } from "../../trpc";
import { optionalReason, reason } from "../list";

/** A role name: what OIDC_ROLE_GROUPS' "role:group" pairs and sessions name, so no ":" or ",". */
const roleName = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9-]{1,39}$/,
    "2–40 characters: lower-case letters, digits and '-', starting with a letter.",
  );
const permissionList = z
  .array(z.enum(PERMISSIONS))
  .max(PERMISSIONS.length)
  .refine(
    (ps) => ps.includes("console.read"),
    "Every role needs console.read (nothing else works without it).",
  );
const description = z.string().trim().max(300);

const view = {
  name: true,
  description: true,
  permissions: true,
  preset: true,
  createdAt: true,
  updatedAt: true,
  updatedBy: true,
} as const;

type Tx = Prisma.TransactionClient;
type RoleRow = Prisma.StaffRoleGetPayload<{ select: typeof view }>;

const snapshot = (r: RoleRow) => ({
  description: r.description,
  permissions: normalisePermissions(r.permissions),
});

/**
 * Runs `change` with every role row locked (a handful of rows), then refuses the result when no
 * role keeps roles.manage: nobody could edit roles again. Clears this process's role cache.
 */
async function changeRoles<T>(ctx: AuditedContext, change: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await ctx.services.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT name FROM staff_role ORDER BY name FOR UPDATE`;
    const out = await change(tx);
    const managers = await tx.staffRole.count({ where: { permissions: { has: "roles.manage" } } });
    if (managers === 0) {
      throw appError("LAST_ROLE_MANAGER", "No role would keep roles.manage; nobody could edit roles again.");
    }
    return out;
  });
  invalidateRoleCache();
  return result;
}

async function existing(tx: Tx, name: string): Promise<RoleRow> {
  const row = await tx.staffRole.findUnique({ where: { name }, select: view });
  if (!row) throw appError("ROLE_NOT_FOUND", `No role "${name}".`);
  return row;
}

/** A role's row changed (edit or reset), audited with its before and after. */
async function rewrite(
  ctx: AuditedContext,
  tx: Tx,
  before: RoleRow,
  change: { action: string; reason: string | undefined; data: Prisma.StaffRoleUpdateInput },
): Promise<RoleRow> {
  const after = await tx.staffRole.update({
    where: { name: before.name },
    data: { ...change.data, updatedBy: ctx.user.email || ctx.user.id },
    select: view,
  });
  await ctx.audit(
    {
      action: change.action,
      targetType: "role",
      targetId: before.name,
      reason: change.reason ?? null,
      before: snapshot(before),
      after: snapshot(after),
    },
    tx,
  );
  return after;
}

/**
 * Settings → Roles: roles made of permissions. Reading them is for every signed-in user (the
 * Settings page shows who may do what); every change needs roles.manage and is audited with the
 * role's before and after in the same transaction.
 */
export const rolesRouter = router({
  list: procedureFor("console.read").query(async ({ ctx }) => {
    const rows = await ctx.services.db.staffRole.findMany({ select: view, orderBy: { createdAt: "asc" } });
    return {
      roles: rows.map((r) => {
        const permissions = normalisePermissions(r.permissions);
        return {
          ...r,
          permissions,
          builtIn: r.preset !== null,
          /** A built-in role whose permissions differ from its preset. */
          editedFromPreset: isRole(r.preset) && permissions.join() !== PRESETS[r.preset].join(),
        };
      }),
      catalogue: PERMISSIONS.map((p) => ({ permission: p, ...PERMISSION_INFO[p] })),
    };
  }),
  create: mutationFor("roles.manage")
    .input(
      z.object({
        name: roleName,
        description: description.default(""),
        permissions: permissionList,
        reason: optionalReason,
      }),
    )
    .mutation(({ ctx, input }) =>
      changeRoles(ctx, async (tx) => {
        if (await tx.staffRole.findUnique({ where: { name: input.name } })) {
          throw appError("ROLE_EXISTS", `A role "${input.name}" exists already.`);
        }
        const created = await tx.staffRole.create({
          data: {
            name: input.name,
            description: input.description,
            permissions: normalisePermissions(input.permissions),
            updatedBy: ctx.user.email || ctx.user.id,
          },
          select: view,
        });
        await ctx.audit(
          {
            action: "role.create",
            targetType: "role",
            targetId: input.name,
            reason: input.reason ?? null,
            after: snapshot(created),
          },
          tx,
        );
        return created;
      }),
    ),
  update: mutationFor("roles.manage")
    .input(
      z.object({
        name: roleName,
        description: description.optional(),
        permissions: permissionList,
        reason: optionalReason,
      }),
    )
    .mutation(({ ctx, input }) =>
      changeRoles(ctx, async (tx) =>
        rewrite(ctx, tx, await existing(tx, input.name), {
          action: "role.update",
          reason: input.reason,
          data: {
            permissions: normalisePermissions(input.permissions),
            ...(input.description === undefined ? {} : { description: input.description }),
          },
        }),
      ),
    ),
  /** A built-in role back to its preset's permissions. */
  reset: mutationFor("roles.manage")
    .input(z.object({ name: roleName, reason: optionalReason }))
    .mutation(({ ctx, input }) =>
      changeRoles(ctx, async (tx) => {
        const before = await existing(tx, input.name);
        if (!isRole(before.preset)) {
          throw appError("ROLE_NOT_BUILT_IN", `"${input.name}" is not a built-in role; it has no preset.`);
        }
        return rewrite(ctx, tx, before, {
          action: "role.reset",
          reason: input.reason,
          data: { permissions: [...PRESETS[before.preset]] },
        });
      }),
    ),
  /** A custom role. Users whose group or dev user names it keep their session and get nothing. */
  delete: mutationFor("roles.manage")
    .input(z.object({ name: roleName, reason }))
    .mutation(({ ctx, input }) =>
      changeRoles(ctx, async (tx) => {
        const before = await existing(tx, input.name);
        if (before.preset) {
          throw appError(
            "ROLE_BUILT_IN",
            `"${input.name}" is built in: edit or reset it; it cannot be deleted.`,
          );
        }
        await tx.staffRole.delete({ where: { name: input.name } });
        await ctx.audit(
          {
            action: "role.delete",
            targetType: "role",
            targetId: input.name,
            reason: input.reason,
            before: snapshot(before),
          },
          tx,
        );
        return { name: input.name, deleted: true };
      }),
    ),
});
