import type { Dependency } from "./dependencies";

/**
 * RFC 9457 problem details. Every error the storefront API returns is one of these, with a
 * stable `type` URI per kind so clients can branch on it, and never a stack trace.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level validation errors. */
  errors?: { pointer: string; detail: string }[];
  [extension: string]: unknown;
}

const TYPE_BASE = "https://errors.icp.example.com/storefront/";

export const ProblemTypes = {
  validation: "validation",
  malformedJson: "malformed-json",
  unsupportedMediaType: "unsupported-media-type",
  payloadTooLarge: "payload-too-large",
  unauthorized: "unauthorized",
  forbidden: "insufficient-scope",
  notFound: "not-found",
  conflict: "conflict",
  idempotencyKeyMissing: "idempotency-key-missing",
  idempotencyKeyReused: "idempotency-key-reused",
  rateLimited: "rate-limited",
  unknownProduct: "unknown-product",
  insufficientStock: "insufficient-stock",
  unavailable: "service-unavailable",
  /** A store the API needs (named in `dependency`) is down or hung: retry after Retry-After. */
  dependencyUnavailable: "dependency-unavailable",
  internal: "internal",
} as const;
export type ProblemType = (typeof ProblemTypes)[keyof typeof ProblemTypes];

/** The `type` URI of a kind of problem, as responses and the OpenAPI document carry it. */
export const problemTypeUri = (kind: ProblemType): string => `${TYPE_BASE}${kind}`;

/**
 * Seconds a client waits before retrying after a 503: long enough not to hammer a store that is
 * restarting, short enough that a blip costs the shopper little. A retried order keeps its
 * Idempotency-Key's order id, so the retry resumes the same order.
 */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

const DEPENDENCY_TITLES: Record<Dependency, string> = {
  postgresql: "the order database",
  kafka: "the order stream",
  redis: "the rate limiter's store",
  "read-model": "the catalog store",
};

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly kind: ProblemType,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Omit<Partial<Problem>, "type" | "title" | "status" | "detail"> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = "ProblemError";
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemTypeUri(this.kind),
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

/** The 503 for a dependency that is down or hung; names it (not its address) for the client. */
export function dependencyUnavailable(dependency: Dependency): ProblemError {
  return new ProblemError(
    503,
    ProblemTypes.dependencyUnavailable,
    "Service temporarily unavailable",
    `${DEPENDENCY_TITLES[dependency]} (${dependency}) is not answering; retry after ${DEPENDENCY_RETRY_AFTER_SECONDS} s. A retried order with the same Idempotency-Key continues the same order.`,
    { dependency },
    { "Retry-After": String(DEPENDENCY_RETRY_AFTER_SECONDS) },
  );
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
