export type { ApiContext, ApiServices, AuthInfo, StaffUser } from "./context";
export type * from "./ports";
export { JOB_STATES, RetryRefusedError } from "./ports";
export { isRole, ROLES, type Role, roleAtLeast } from "./roles";
export { type AppRouter, appRouter } from "./root";
export {
  auditFilterFromSearchParams,
  auditWhere,
  csvHeader,
  csvRow,
} from "./routers/audit/filter";
export { createCallerFactory, type ProcedureMeta } from "./trpc";
