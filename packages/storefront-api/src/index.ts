export { ordersIntake } from "./adapters/orders";
export { apiClientsFromDb, DbSigningKeyStore, idempotencyFromDb } from "./adapters/prisma";
export {
  cartsFromReadModel,
  catalogFromReadModel,
  checkLines,
  customersFromReadModel,
} from "./adapters/read-model";
export { createStorefrontApi, type StorefrontApiDeps } from "./app";
export { GroupCommit, groupCommitStats, SingleFlight, singleFlightStats } from "./group-commit";
export { buildOpenApi } from "./openapi";
export * from "./ports";
export * from "./problem";
export * from "./rate-limit";
export * from "./schemas";
export * from "./tokens";
export { openStorefrontStores, type StorefrontStores, storefrontApiOnStores } from "./wiring";
