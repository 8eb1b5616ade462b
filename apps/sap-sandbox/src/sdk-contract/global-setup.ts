import { ensureSdkClients } from "./generate";

/** Vitest global setup: the contract tests import clients generated from the current EDMX files. */
export default async function setup(): Promise<void> {
  await ensureSdkClients();
}
