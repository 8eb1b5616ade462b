export type { PendingApproval } from "./approvals";
export { authRedirect, safeCallbackPath } from "./callback-url";
export type { ApiContext, ApiServices, AuthInfo, StaffUser } from "./context";
export { APP_ERRORS, type AppCode, AppError, appCodeOf, appError } from "./errors";
export {
  allowedConsoleOrigins,
  BODY_TOO_LARGE_APP_CODE,
  CSRF_APP_CODE,
  type CsrfRefusal,
  guardTrpcRequest,
  type SameOriginVerdict,
  sameOriginVerdict,
  TRPC_MAX_BODY_BYTES,
  type TrpcGuardResult,
  trpcPaths,
  trpcRefusal,
} from "./http-guards";
export { hasPermission, type Permission, PRESETS } from "./permissions";
export type * from "./ports";
export { JOB_STATES, RetryRefusedError } from "./ports";
export { type AppRouter, appRouter } from "./root";
export {
  auditFilterFromSearchParams,
  auditSearchWhere,
  auditWhere,
  csvHeader,
  csvRow,
} from "./routers/audit/filter";
export { parseRoleGroups, resolveStaff, rolesFromGroups } from "./staff-roles";
export { createCallerFactory, type ProcedureMeta } from "./trpc";
