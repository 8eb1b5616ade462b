export type { ApiContext, ApiServices, StaffUser } from "./context";
export { isRole, ROLES, type Role, roleAtLeast } from "./roles";
export { type AppRouter, appRouter } from "./root";
export { createCallerFactory } from "./trpc";
