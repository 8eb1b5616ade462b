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
  internal: "internal",
} as const;
export type ProblemType = (typeof ProblemTypes)[keyof typeof ProblemTypes];

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
      type: `${TYPE_BASE}${this.kind}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
