import { TRPCError } from "@trpc/server";

type TrpcCode = TRPCError["code"];

/**
 * The one table of the console API's expected failures: each app code (what the UI branches
 * on, `error.data.appCode`) → the tRPC code it travels as (and so its HTTP status), and when it
 * applies. Routers throw `appError(appCode, message)`; typed errors of the ports that carry a
 * code of this table (`RedisUnavailableError.code`) are mapped once, by the base procedure.
 */
export const APP_ERRORS = {
  SYNC_ALREADY_RUNNING: { code: "CONFLICT", when: "A resync of that entity is queued or running." },
  SYNC_NOT_ACTIVE: { code: "PRECONDITION_FAILED", when: "Only a queued or running resync can be cancelled." },
  FAILURE_NOT_OPEN: {
    code: "PRECONDITION_FAILED",
    when: "Only an OPEN failure can be retried or discarded.",
  },
  RETRY_REFUSED: { code: "PRECONDITION_FAILED", when: "The failure's job cannot be retried as it stands." },
  FAILURE_CHANGED: { code: "CONFLICT", when: "The failure changed meanwhile; reload and try again." },
  FAILURE_SETTLED: {
    code: "PRECONDITION_FAILED",
    when: "A RESOLVED or DISCARDED failure is out of the inbox: it cannot be assigned or tagged.",
  },
  BULK_CAP_EXCEEDED: {
    code: "PRECONDITION_FAILED",
    when: "More failures match than a bulk action takes (BULK_CAP); narrow the filter.",
  },
  TOO_MANY_TAGS: { code: "BAD_REQUEST", when: "A failure would carry more tags than MAX_TAGS." },
  WEBHOOK_ENDPOINT_GONE: {
    code: "PRECONDITION_FAILED",
    when: "The webhook endpoint is deleted (or does not exist); it gets nothing any more.",
  },
  WEBHOOK_ENDPOINT_NOT_DISABLED: {
    code: "PRECONDITION_FAILED",
    when: "Only an auto-disabled webhook endpoint can be re-enabled.",
  },
  WEBHOOK_ENDPOINT_DISABLED: {
    code: "PRECONDITION_FAILED",
    when: "The webhook endpoint is auto-disabled: re-enable it before retrying a delivery.",
  },
  DELIVERY_NOT_RETRYABLE: {
    code: "PRECONDITION_FAILED",
    when: "The delivery is delivered, on its way or scheduled for its next attempt.",
  },
  ROLE_NOT_FOUND: { code: "NOT_FOUND", when: "No role of that name (Settings → Roles)." },
  ROLE_EXISTS: { code: "CONFLICT", when: "A role of that name exists already." },
  ROLE_BUILT_IN: {
    code: "PRECONDITION_FAILED",
    when: "viewer, operator and admin are built in: they can be edited or reset, not deleted.",
  },
  ROLE_NOT_BUILT_IN: { code: "PRECONDITION_FAILED", when: "Only a built-in role has a preset to reset to." },
  LAST_ROLE_MANAGER: {
    code: "PRECONDITION_FAILED",
    when: "The change would leave no role with roles.manage, so nobody could edit roles again.",
  },
  APPROVAL_NOT_FOUND: { code: "NOT_FOUND", when: "No approval request of that id." },
  APPROVAL_SELF: { code: "FORBIDDEN", when: "The requester of an action cannot approve or reject it." },
  APPROVAL_EXPIRED: { code: "PRECONDITION_FAILED", when: "The approval request expired; ask again." },
  APPROVAL_DECIDED: { code: "CONFLICT", when: "The approval request was approved or rejected already." },
  APPROVAL_SCOPE_GREW: {
    code: "PRECONDITION_FAILED",
    when: "An approved action would now act on more items than were approved; ask again.",
  },
  CSRF_ORIGIN_REJECTED: {
    code: "FORBIDDEN",
    when: "The request does not come from the console's own pages.",
  },
  BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", when: "The request body exceeds the tRPC body limit." },
  REPLAY_NOT_CANCELLABLE: {
    code: "PRECONDITION_FAILED",
    when: "Only a queued replay, or a running one through a queue, can be cancelled: a moved-back group re-reads the range on its own.",
  },
  REPLAY_TARGET_MISMATCH: {
    code: "BAD_REQUEST",
    when: "A replay's consumer group or queue is not the one that consumes its topic.",
  },
  DRIFT_CHECK_RUNNING: {
    code: "CONFLICT",
    when: "A drift check of that entity (or plant, or record) is already queued or running.",
  },
  DRIFT_NOTHING_TO_REPAIR: {
    code: "PRECONDITION_FAILED",
    when: "No open drift finding matches: SAP and the read model agree (or a repair has it already).",
  },
  RECORD_NOT_IN_SAP: {
    code: "NOT_FOUND",
    when: "SAP answers that it has no such record (404), and the read model has none either.",
  },
  PLANT_NOT_IN_SAP: {
    code: "NOT_FOUND",
    when: "SAP knows no such plant (no stock there, no material maintained for it), and the read model has no stock there.",
  },
  SAP_UNREACHABLE: {
    code: "SERVICE_UNAVAILABLE",
    when: "SAP is down or the worker's circuit breaker to it is open: nothing was compared or written.",
  },
  PREVIEW_TIMEOUT: {
    code: "TIMEOUT",
    when: "The worker did not answer a single-record preview in time (busy, or not running).",
  },
  JOB_NOT_FOUND: {
    code: "NOT_FOUND",
    when: "No job of that id in that queue (finished and removed, or never there).",
  },
  JOB_ACTION_REFUSED: {
    code: "PRECONDITION_FAILED",
    when: "BullMQ refused the job operation in the job's state (e.g. retrying a job that is not failed).",
  },
  REDIS_UNAVAILABLE: {
    code: "SERVICE_UNAVAILABLE",
    when: "Redis is down, so nothing was queued; the operator may try again in a moment.",
  },
} as const satisfies Record<string, { code: TrpcCode; when: string }>;

export type AppCode = keyof typeof APP_ERRORS;

export const isAppCode = (code: unknown): code is AppCode =>
  typeof code === "string" && Object.hasOwn(APP_ERRORS, code);

/** An expected failure with a stable code for the UI, carried as the cause of a TRPCError. */
export class AppError extends Error {
  constructor(
    readonly appCode: AppCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * The TRPCError for an app code, its tRPC code from the table. `cause`: the typed error it
 * stands for (a RedisUnavailableError), else an AppError is made.
 */
export function appError(appCode: AppCode, message: string, cause?: Error): TRPCError {
  return new TRPCError({
    code: APP_ERRORS[appCode].code,
    message,
    cause: cause ?? new AppError(appCode, message),
  });
}

/** The app code an error carries: an AppError's, or a typed error's `code` when the table has it. */
export function appCodeOf(error: unknown): AppCode | undefined {
  if (error instanceof AppError) return error.appCode;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return isAppCode(code) ? code : undefined;
}

/**
 * A thrown typed error with a code of the table, as its TRPCError (a procedure that let a
 * RedisUnavailableError through answers SERVICE_UNAVAILABLE / REDIS_UNAVAILABLE, not a 500);
 * undefined for anything else, which stays as it is.
 */
export function asAppTrpcError(error: unknown): TRPCError | undefined {
  if (error instanceof TRPCError || !(error instanceof Error)) return undefined;
  const appCode = appCodeOf(error);
  return appCode ? appError(appCode, error.message, error) : undefined;
}
