import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffUser } from "../../context";
import { PRESETS } from "../../permissions";
import { appRouter } from "../../root";
import { invalidateRoleCache, ROLE_CACHE_MS, resolveStaff, rolePermissions } from "../../staff-roles";
import { contextFor, fakeServices, refusal } from "../../testing";
import { createCallerFactory } from "../../trpc";

/**
 * Roles made of permissions on the real PostgreSQL: the migration's built-in roles are the
 * presets; an admin's edit, creation, reset and deletion are audited with before/after and apply
 * to a signed-in user's next request; the last role with roles.manage cannot lose it.
 */
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});
beforeEach(() => invalidateRoleCache());

const callerFor = (user: StaffUser) =>
  createCallerFactory(appRouter)({ ...contextFor(null, fakeServices({ db })), user });
const session = (roles: string[]) => ({
  id: `u-${roles.join("-")}`,
  email: `${roles[0]}@example.test`,
  roles,
});
const admin = async () => callerFor(await resolveStaff(db, session(["admin"])));

const roleAudit = (name: string) =>
  db.auditLog.findMany({ where: { targetType: "role", targetId: name }, orderBy: { at: "asc" } });

describe("staff roles", () => {
  it("are seeded by the migration as the three presets of permissions.ts", async () => {
    const rows = await db.staffRole.findMany({ orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.preset, [...r.permissions].sort()])).toEqual(
      (["admin", "operator", "viewer"] as const).map((n) => [n, n, [...PRESETS[n]].sort()]),
    );
  });

  it("an edit of a role applies to a signed-in user's next request, audited with before and after", async () => {
    const before = await resolveStaff(db, session(["operator"]));
    expect(before.permissions).toContain("failures.discard");
    const edited = PRESETS.operator.filter((p) => p !== "failures.discard");
    await (await admin()).roles.update({ name: "operator", permissions: [...edited], reason: "retry only" });

    const after = await resolveStaff(db, session(["operator"]));
    expect(after.permissions).not.toContain("failures.discard");
    expect(await refusal(callerFor(after).failures.discard({ id: crypto.randomUUID(), reason: "dup" }))).toBe(
      "FORBIDDEN",
    );
    const audit = await roleAudit("operator");
    expect(audit.map((a) => [a.action, a.actorRole, a.reason])).toEqual([
      ["role.update", "ADMIN", "retry only"],
    ]);
    expect(audit[0]?.before).toMatchObject({ permissions: [...PRESETS.operator] });
    expect(audit[0]?.after).toMatchObject({ permissions: edited });

    await (await admin()).roles.reset({ name: "operator" });
    expect((await resolveStaff(db, session(["operator"]))).permissions).toEqual([...PRESETS.operator]);
    expect((await roleAudit("operator")).map((a) => a.action)).toEqual(["role.update", "role.reset"]);
  });

  it("a custom role that may retry but not discard: the gate lets one through and refuses the other", async () => {
    await (await admin()).roles.create({
      name: "retrier",
      description: "retry only",
      permissions: ["console.read", "failures.retry"],
    });
    const retrier = await resolveStaff(db, session(["retrier"]));
    expect(retrier).toMatchObject({ role: "retrier", permissions: ["console.read", "failures.retry"] });
    // Past the gate: the failure does not exist, which only the handler can say.
    expect(await refusal(callerFor(retrier).failures.retry({ id: crypto.randomUUID() }))).toBe("NOT_FOUND");
    const discard = callerFor(retrier).failures.discard({ id: crypto.randomUUID(), reason: "dup" });
    await expect(discard).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("failures.discard"),
    });
    expect(
      await refusal((await admin()).roles.create({ name: "retrier", permissions: ["console.read"] })),
    ).toBe("ROLE_EXISTS");
    const audit = await roleAudit("retrier");
    expect(audit.map((a) => a.action)).toEqual(["role.create"]);
    expect(audit[0]?.after).toEqual({
      description: "retry only",
      permissions: ["console.read", "failures.retry"],
    });
  });

  it("a user in several roles gets the permissions of all of them, and an unknown role grants nothing", async () => {
    const both = await resolveStaff(db, session(["viewer", "gone-role"]));
    expect(both.permissions).toEqual(["console.read"]);
    expect((await resolveStaff(db, session(["gone-role"]))).permissions).toEqual([]);
  });

  it("built-in roles cannot be deleted; custom ones can, with a reason, audited", async () => {
    expect(await refusal((await admin()).roles.delete({ name: "viewer", reason: "tidy up" }))).toBe(
      "ROLE_BUILT_IN",
    );
    await (await admin()).roles.create({ name: "temp-role", permissions: ["console.read"] });
    expect(await refusal((await admin()).roles.reset({ name: "temp-role" }))).toBe("ROLE_NOT_BUILT_IN");
    await (await admin()).roles.delete({ name: "temp-role", reason: "not needed" });
    expect(await db.staffRole.findUnique({ where: { name: "temp-role" } })).toBeNull();
    expect((await roleAudit("temp-role")).map((a) => [a.action, a.reason])).toEqual([
      ["role.create", null],
      ["role.delete", "not needed"],
    ]);
    expect(await db.staffRole.count({ where: { name: "viewer" } })).toBe(1);
  });

  it("refuses to take roles.manage from the last role holding it, and changes nothing", async () => {
    const without = PRESETS.admin.filter((p) => p !== "roles.manage");
    expect(await refusal((await admin()).roles.update({ name: "admin", permissions: [...without] }))).toBe(
      "LAST_ROLE_MANAGER",
    );
    expect((await db.staffRole.findUniqueOrThrow({ where: { name: "admin" } })).permissions).toContain(
      "roles.manage",
    );
    expect(await roleAudit("admin")).toEqual([]);
  });

  it("refuses a role change by a user without roles.manage, and a role without console.read", async () => {
    const operator = callerFor(await resolveStaff(db, session(["operator"])));
    expect(await refusal(operator.roles.update({ name: "viewer", permissions: ["console.read"] }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await refusal((await admin()).roles.update({ name: "viewer", permissions: ["failures.retry"] })),
    ).toBe("BAD_REQUEST");
  });

  it("another process's edit is seen once the cache of ROLE_CACHE_MS has passed", async () => {
    const t0 = Date.now();
    expect((await rolePermissions(db, t0)).get("viewer")).toEqual(["console.read"]);
    await db.staffRole.update({
      where: { name: "viewer" },
      data: { permissions: ["console.read", "failures.assign"] },
    });
    expect((await rolePermissions(db, t0 + ROLE_CACHE_MS - 1)).get("viewer")).toEqual(["console.read"]);
    expect((await rolePermissions(db, t0 + ROLE_CACHE_MS)).get("viewer")).toEqual([
      "console.read",
      "failures.assign",
    ]);
    await db.staffRole.update({ where: { name: "viewer" }, data: { permissions: ["console.read"] } });
  });
});
