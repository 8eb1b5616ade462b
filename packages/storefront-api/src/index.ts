export { imagesFromReadModel } from "./adapters/images";
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
export { canonicalJson } from "./canonical-json";
export * from "./dependencies";
export { GroupCommit, groupCommitStats, SingleFlight, singleFlightStats } from "./group-commit";
export { ClientClosedError, DEFAULT_BODY_TIMEOUT_MS } from "./http";
export { buildOpenApi } from "./openapi";
export * from "./ports";
export * from "./problem";
export * from "./rate-limit";
export { defineRoute, problemsOf, ROUTES, type Route, type RouteContext } from "./routes";
export { DEFAULT_TOKEN_THROTTLE } from "./routes/oauth";
export type { TokenThrottle } from "./routes/route";
export * from "./schemas";
export * from "./tokens";
export {
  boundedDb,
  DEFAULT_POSTGRES_TIMEOUT_MS,
  openStorefrontStores,
  type StorefrontStores,
  storefrontApiOnStores,
} from "./wiring";
