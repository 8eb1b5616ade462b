import type { Dependency } from "./dependencies";
import type { CartProblem, OrderProblem } from "./ports";

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

/** A response header a problem carries; the OpenAPI document describes each. */
export type ProblemHeader = "Retry-After" | "WWW-Authenticate" | "Allow";

interface ProblemSpec {
  status: number;
  title: string;
  /** When the API answers it: the OpenAPI document's description of the type. */
  when: string;
  headers?: readonly ProblemHeader[];
  /** Extension members the problem always carries. */
  requires?: readonly string[];
}

/**
 * The one table of the problems the public API answers: each type's status, title and when it
 * applies. Every refusal is built from it (`problem(type, …)`), the OpenAPI document describes
 * each route's problems from it, and a type means one thing: a client may branch on it.
 */
export const PROBLEMS = {
  validation: {
    status: 400,
    title: "Invalid request",
    when: "A field of the path, query or body is invalid; `errors` lists each (pointer and detail).",
  },
  "malformed-json": { status: 400, title: "Malformed JSON", when: "The body is not JSON." },
  "malformed-path": {
    status: 400,
    title: "Malformed path",
    when: "The path holds a `%` that does not start a valid UTF-8 percent-encoding.",
  },
  "idempotency-key-missing": {
    status: 400,
    title: "Idempotency-Key required",
    when: "An order came without an Idempotency-Key header of 8–255 visible ASCII characters.",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    when: "The access token is missing, expired, invalid, or its client is revoked.",
    headers: ["WWW-Authenticate"],
  },
  "insufficient-scope": {
    status: 403,
    title: "Insufficient scope",
    when: "The access token lacks the scope this operation needs.",
    headers: ["WWW-Authenticate"],
  },
  "not-found": {
    status: 404,
    title: "Not found",
    when: "Nothing by that id, or it belongs to another client (the two are not told apart).",
  },
  "request-timeout": {
    status: 408,
    title: "Request timeout",
    when: "The request body did not arrive within the time allowed for it; send it again, at once.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    when: "The path exists but not with this method; Allow lists the methods it has.",
    headers: ["Allow"],
  },
  "order-exists": {
    status: 409,
    title: "Order exists",
    when: "The order id was already used by another request.",
  },
  "request-in-progress": {
    status: 409,
    title: "Request in progress",
    when: "A request with this Idempotency-Key is still being processed; `orderId` names the order the key is bound to. Retry after Retry-After.",
    headers: ["Retry-After"],
  },
  "cancellation-too-late": {
    status: 409,
    title: "Too late to cancel",
    when: "The order has already shipped or was cancelled.",
  },
  "payload-too-large": { status: 413, title: "Payload too large", when: "The body exceeds the size limit." },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported media type",
    when: "The body is not of the media type the operation takes.",
  },
  "unknown-product": {
    status: 422,
    title: "Unknown product",
    when: "A line names a product that does not exist; `sku` names it.",
  },
  "insufficient-stock": {
    status: 422,
    title: "Insufficient stock",
    when: "A line asks for more than is available; `sku` and `available` say how much there is.",
  },
  "no-price": {
    status: 422,
    title: "No price",
    when: "An item names a product without a price valid today in our sales area; `sku` names it.",
  },
  "unknown-customer": {
    status: 422,
    title: "Unknown customer",
    when: "The order names a customer that does not exist (or may not order).",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "Idempotency-Key reused",
    when: "The Idempotency-Key was already used for a different request body.",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    when: "The client's (or, unauthenticated, the address's) rate limit is spent; retry after Retry-After.",
    headers: ["Retry-After"],
  },
  internal: {
    status: 500,
    title: "Internal error",
    when: "A fault on our side; quote the request id.",
  },
  "dependency-unavailable": {
    status: 503,
    title: "Service temporarily unavailable",
    when: "A store the API needs (PostgreSQL, Kafka, Redis or the read model) is down or not answering; `dependency` names it. Retry after Retry-After; a retried order with the same Idempotency-Key continues the same order.",
    headers: ["Retry-After"],
    requires: ["dependency"],
  },
} as const satisfies Record<string, ProblemSpec>;

export type ProblemType = keyof typeof PROBLEMS;
export const PROBLEM_TYPES = Object.keys(PROBLEMS) as ProblemType[];

const TYPE_BASE = "https://errors.icp.example.com/storefront/";

/** The `type` URI of a kind of problem, as responses and the OpenAPI document carry it. */
export const problemTypeUri = (type: ProblemType): string => `${TYPE_BASE}${type}`;

/** The table's entry for a type, typed as the spec (headers and requires optional). */
export const problemSpec = (type: ProblemType): ProblemSpec => PROBLEMS[type];

type Extra = Omit<Partial<Problem>, "type" | "title" | "status" | "detail">;

/** A refusal on its way to the client: a type from PROBLEMS, with its own detail. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly extra: Extra = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.name = "ProblemError";
    this.status = PROBLEMS[type].status;
    this.title = PROBLEMS[type].title;
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemTypeUri(this.type),
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

/** The one way to refuse a request: `throw problem("not-found", "This cart does not exist.")`. */
export const problem = (
  type: ProblemType,
  detail?: string,
  opts: { extra?: Extra; headers?: Record<string, string> } = {},
): ProblemError => new ProblemError(type, detail, opts.extra, opts.headers);

/** 404 for `what` ("This cart", "Product TG11"): missing, another client's, or of no valid shape. */
export const notFound = (what: string): ProblemError => problem("not-found", `${what} does not exist.`);

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

/** The 503 for a dependency that is down or hung; names it (not its address) for the client. */
export function dependencyUnavailable(dependency: Dependency): ProblemError {
  return problem(
    "dependency-unavailable",
    `${DEPENDENCY_TITLES[dependency]} (${dependency}) is not answering; retry after ${DEPENDENCY_RETRY_AFTER_SECONDS} s. A retried order with the same Idempotency-Key continues the same order.`,
    { extra: { dependency }, headers: { "Retry-After": String(DEPENDENCY_RETRY_AFTER_SECONDS) } },
  );
}

/** A cart the read model refused: its unknown product or short stock. */
export function cartRefusal(p: CartProblem): ProblemError {
  return p.kind === "unknown-product"
    ? problem("unknown-product", `There is no product ${p.sku}.`, { extra: { sku: p.sku } })
    : problem("insufficient-stock", `Only ${p.available} of ${p.sku} available.`, {
        extra: { sku: p.sku, available: p.available },
      });
}

/** An order the checks or the ledger refused. */
export function orderRefusal(p: OrderProblem, customerId: string): ProblemError {
  switch (p.kind) {
    case "duplicate-order":
      return problem("order-exists", `Order ${p.orderId} was already submitted.`);
    case "unknown-cart":
      return notFound("This cart");
    case "unknown-customer":
      return problem("unknown-customer", `There is no customer ${customerId}.`);
    default:
      return cartRefusal(p);
  }
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...headers,
    },
  });
}
