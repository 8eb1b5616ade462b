export type { ApiContext, ApiServices, StaffUser } from "./context";
export { appRouter, type AppRouter } from "./root";
export { isRole, ROLES, type Role, roleAtLeast } from "./roles";
export { createCallerFactory } from "./trpc";
