import type { Db } from "@icp/db";
import type { StaffUser } from "./context";
import { normalisePermissions, type Permission } from "./permissions";

/**
 * Roles live in PostgreSQL (`staff_role`); a session only carries the role name(s) its IdP
 * groups or dev sign-in user map to. The permissions are read here on every request, through a
 * cache of ROLE_CACHE_MS per process, so an edit in Settings → Roles applies to signed-in users
 * within that time without signing in again (at once in the process that made the edit, which
 * clears its cache).
 */
export const ROLE_CACHE_MS = 5_000;

type RoleReader = Pick<Db, "staffRole">;

interface Cached {
  at: number;
  permissions: Map<string, readonly Permission[]>;
}
let cache: Cached | null = null;

/** Forget the cached roles (after an edit, and in tests). */
export function invalidateRoleCache(): void {
  cache = null;
}

/** Every role's permissions, name → list (unknown names in a stored list are dropped). */
export async function rolePermissions(
  db: RoleReader,
  now = Date.now(),
): Promise<Map<string, readonly Permission[]>> {
  if (cache && now - cache.at < ROLE_CACHE_MS) return cache.permissions;
  const rows = await db.staffRole.findMany({ select: { name: true, permissions: true } });
  const permissions = new Map(rows.map((r) => [r.name, normalisePermissions(r.permissions)] as const));
  cache = { at: now, permissions };
  return permissions;
}

export interface SessionStaff {
  id: string;
  email: string;
  name?: string;
  /** The role names the session maps to (one for a dev user; one per matching IdP group). */
  roles: readonly string[];
}

/**
 * The signed-in user with the union of their roles' current permissions. A role that no longer
 * exists grants nothing; a user whose roles grant nothing is still returned (every procedure
 * then answers FORBIDDEN naming what is missing).
 */
export async function resolveStaff(db: RoleReader, session: SessionStaff): Promise<StaffUser> {
  const byName = await rolePermissions(db);
  const granted = new Set<Permission>();
  for (const role of session.roles) for (const p of byName.get(role) ?? []) granted.add(p);
  return {
    id: session.id,
    email: session.email,
    ...(session.name ? { name: session.name } : {}),
    role: session.roles.join(" + ") || "none",
    permissions: normalisePermissions([...granted]),
  };
}

/** The role names mapped by the groups a user holds, in mapping order, without repeats. */
export function rolesFromGroups(
  groups: unknown,
  mapping: readonly { role: string; group: string }[],
): string[] {
  const list = Array.isArray(groups) ? groups.map(String) : typeof groups === "string" ? [groups] : [];
  const roles = mapping.filter((m) => list.includes(m.group)).map((m) => m.role);
  return [...new Set(roles)];
}

/** "role:group,role:group" (OIDC_ROLE_GROUPS) as pairs; a role is any role name. */
export function parseRoleGroups(value: string): { role: string; group: string }[] {
  return value
    .split(",")
    .map((pair) => pair.trim().split(":"))
    .filter((p): p is [string, string] => p.length === 2 && !!p[0] && !!p[1])
    .map(([role, group]) => ({ role: role.trim(), group: group.trim() }));
}
