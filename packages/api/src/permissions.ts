/**
 * What a staff member may do, one permission per kind of action. A role is a named list of
 * these (built-in presets below; admins edit roles in Settings → Roles). Every procedure is
 * gated by exactly one permission through `procedureFor(permission)` / `mutationFor(permission)`
 * in trpc.ts; the enumerated test in root.test.ts proves each gate.
 */
export const PERMISSIONS = [
  "console.read",
  "failures.retry",
  "failures.discard",
  "failures.edit",
  "failures.assign",
  "queues.operate",
  "resync.start",
  "resync.entity",
  "drift.check",
  "drift.repair",
  "replay.start",
  "webhooks.operate",
  "webhooks.manage",
  "clients.manage",
  "settings.manage",
  "roles.manage",
  "approvals.decide",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** One line each, for the roles editor. */
export const PERMISSION_INFO: Record<Permission, { label: string; description: string }> = {
  "console.read": {
    label: "Read the console",
    description: "Every read page: overview, queues, Kafka, orders, failures, audit, settings.",
  },
  "failures.retry": { label: "Retry failures", description: "Retry one failure or many matching a filter." },
  "failures.discard": {
    label: "Discard failures",
    description: "Discard one failure or many matching a filter, with a reason.",
  },
  "failures.edit": {
    label: "Edit payload and retry",
    description: "Change a failed message's payload, then retry it.",
  },
  "failures.assign": { label: "Triage failures", description: "Assign, tag and annotate failures." },
  "queues.operate": {
    label: "Operate queues",
    description: "Retry, promote and remove jobs; pause and resume queues.",
  },

  "resync.start": {
    label: "Start a resync",
    description: "Start or cancel a whole-entity master-data resync.",
  },
  "resync.entity": {
    label: "Resync one record",
    description: "Preview and resync one SKU, customer or plant's stock.",
  },
  "drift.check": {
    label: "Check drift",
    description: "Compare SAP with the storefront's read model on demand.",
  },
  "drift.repair": { label: "Repair drift", description: "Repair drifted records (a targeted resync)." },
  "replay.start": {
    label: "Replay Kafka messages",
    description: "Dry-run and start a replay of a topic range.",
  },
  "webhooks.operate": {
    label: "Operate webhooks",
    description: "Re-enable an auto-disabled endpoint; retry a delivery.",
  },
  "webhooks.manage": {
    label: "Manage webhook endpoints",
    description: "Create, change and delete webhook endpoints.",
  },
  "clients.manage": {
    label: "Manage storefront API clients",
    description: "Create, change, rotate and revoke API clients.",
  },
  "settings.manage": {
    label: "Change settings",
    description: "Alert rules and four-eyes approval thresholds.",
  },
  "roles.manage": { label: "Manage roles", description: "Create and edit roles and their permissions." },
  "approvals.decide": {
    label: "Decide approvals",
    description: "Approve or reject another person's held action.",
  },
};

const OPERATOR: readonly Permission[] = [
  "console.read",
  "failures.retry",
  "failures.discard",
  "failures.edit",
  "failures.assign",
  "queues.operate",
  "resync.start",
  "resync.entity",
  "drift.check",
  "drift.repair",
  "replay.start",
  "webhooks.operate",
];

/**
 * The built-in roles and their presets: what a fresh install (and "reset to preset") gives them,
 * seeded into `staff_role`. What a role may do is its permission list (Settings → Roles), not its
 * place in a ladder.
 */
const BUILT_IN = {
  viewer: ["console.read"],
  operator: OPERATOR,
  admin: PERMISSIONS,
} satisfies Record<string, readonly Permission[]>;
export type Role = keyof typeof BUILT_IN;
export const PRESETS: Readonly<Record<Role, readonly Permission[]>> = BUILT_IN;

/** Whether a role name is one of the built-in roles (those with a preset). */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && Object.hasOwn(PRESETS, value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}

/** The known permissions of a stored list, in catalogue order; unknown names are dropped. */
export function normalisePermissions(values: readonly unknown[]): Permission[] {
  const set = new Set(values.filter(isPermission));
  return PERMISSIONS.filter((p) => set.has(p));
}

export function hasPermission(
  user: { permissions: readonly Permission[] } | null | undefined,
  p: Permission,
): boolean {
  return !!user && user.permissions.includes(p);
}
