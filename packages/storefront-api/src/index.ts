export { createStorefrontApi, type StorefrontApiDeps } from "./app";
export { buildOpenApi } from "./openapi";
export * from "./ports";
export * from "./problem";
export * from "./rate-limit";
export * from "./schemas";
export * from "./tokens";
