export { DEFAULT_PRODUCE_TIMEOUT_MS, ordersIntake } from "./adapters/orders";
export {
  apiClientsFromDb,
  DbSigningKeyStore,
  DEFAULT_IDEMPOTENCY_LEASE_MS,
  idempotencyFromDb,
} from "./adapters/prisma";
export {
  cartsFromReadModel,
  catalogFromReadModel,
  checkLines,
  customersFromReadModel,
} from "./adapters/read-model";
export { createStorefrontApi, type StorefrontApiDeps } from "./app";
export * from "./dependencies";
export { GroupCommit, groupCommitStats, SingleFlight, singleFlightStats } from "./group-commit";
export { buildOpenApi } from "./openapi";
export * from "./ports";
export * from "./problem";
export * from "./rate-limit";
export { defineRoute, problemsOf, ROUTES, type Route, type RouteContext } from "./routes";
export * from "./schemas";
export * from "./tokens";
export {
  boundedDb,
  DEFAULT_POSTGRES_TIMEOUT_MS,
  openStorefrontStores,
  type StorefrontStores,
  storefrontApiOnStores,
} from "./wiring";
