import type { PartitionLag, QueueCounts } from "@icp/messaging";
import type { Role } from "./roles";

export interface StaffUser {
  id: string;
  email: string;
  name?: string;
  role: Role;
}

/**
 * What procedures may use. The app that mounts the router supplies real adapters; the
 * routers never construct connections themselves, so tests can pass real or purpose-built
 * ones without module mocking.
 */
export interface ApiServices {
  consumerLag(): Promise<PartitionLag[]>;
  queueCounts(): Promise<QueueCounts[]>;
}

export interface ApiContext {
  user: StaffUser | null;
  requestId: string;
  ip?: string;
  services: ApiServices;
}
