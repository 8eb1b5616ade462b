import type { Permission } from "@icp/api";

/** A development sign-in user: a name and the role (a `staff_role` name) it signs in with. */
export interface DevUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/**
 * Demo staff for the local development sign-in: one per built-in role, a second admin (for
 * four-eyes approval: nobody approves their own request) and a retry-only operator.
 */
export const DEV_USERS: readonly DevUser[] = [
  { id: "dev-viewer", email: "viewer@example.com", name: "Vera Viewer", role: "viewer" },
  { id: "dev-operator", email: "operator@example.com", name: "Otto Operator", role: "operator" },
  { id: "dev-admin", email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { id: "dev-admin2", email: "admin2@example.com", name: "Abe Admin", role: "admin" },
  { id: "dev-retrier", email: "retrier@example.com", name: "Rita Retrier", role: "retrier" },
];

/**
 * Roles the dev users need beyond the built-in ones, created (never overwritten) on a dev
 * sign-in, so an admin's edit of them in Settings → Roles sticks.
 */
export const DEV_ROLES: readonly { name: string; description: string; permissions: readonly Permission[] }[] =
  [
    {
      name: "retrier",
      description: "Retry-only operator: retries failures, cannot discard or edit them.",
      permissions: ["console.read", "failures.retry"],
    },
  ];
