import type { Db } from "@icp/db";
import type { PartitionLag, QueueCounts } from "@icp/messaging";
import type { Permission } from "./permissions";
import type { FailureActions, KafkaBrowser, QueueOps, SapHealth } from "./ports";

export interface StaffUser {
  id: string;
  email: string;
  name?: string;
  /** The role name(s) the session maps to, joined by " + " when several (for display and audit). */
  role: string;
  /** What the user's role allows, resolved server-side (permissions.ts); every gate reads this. */
  permissions: readonly Permission[];
}

/** How the console's users and roles are configured, for the settings page. */
export interface AuthInfo {
  /** "role:group" pairs from OIDC_ROLE_GROUPS; a role is any role name of `staff_role`. */
  roleGroups: { role: string; group: string }[];
  rolesClaim: string;
  oidcIssuer?: string;
  devUsers: Omit<StaffUser, "permissions">[];
}

/**
 * What procedures may use. The app that mounts the router supplies real adapters; the
 * routers never construct connections themselves, so tests can pass real or purpose-built
 * ones without module mocking.
 */
export interface ApiServices {
  db: Db;
  consumerLag(): Promise<PartitionLag[]>;
  queueCounts(): Promise<QueueCounts[]>;
  /** HEAD on the SAP service root plus the breaker state the app knows of. */
  sapHealth(): Promise<SapHealth>;
  kafka: KafkaBrowser;
  queues: QueueOps;
  failures: FailureActions;
  auth: AuthInfo;
  /** Secret generation and hashing for storefront API clients. */
  clientSecrets: { generate(): string; hash(secret: string): Promise<string> };
}

export interface ApiContext {
  user: StaffUser | null;
  requestId: string;
  ip?: string;
  services: ApiServices;
  /**
   * Set only while an approved four-eyes request runs its stored action (approvals.ts): that
   * action is then not held for approval again, and refused if it would act on more than `size`.
   */
  approval?: { id: string; action: string; size: number };
}
