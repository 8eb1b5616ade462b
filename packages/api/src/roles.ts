/**
 * The built-in roles: the presets of permissions.ts, seeded into `staff_role` and resettable to
 * them. What a role may do is its permission list (Settings → Roles), not its place in a ladder.
 */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
