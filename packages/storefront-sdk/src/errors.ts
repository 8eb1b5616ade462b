import type { components } from "./generated/schema";

/** An RFC 9457 problem as the storefront API answers it (the document's Problem schema). */
export type Problem = components["schemas"]["Problem"];

/** The type URIs' common prefix: a problem's short name is what follows it. */
export const PROBLEM_TYPE_BASE = "https://errors.icp.example.com/storefront/";

/**
 * The API refused a request with problem details. `name` is the short type
 * (`insufficient-stock`, `rate-limited`, …), `problem` the whole body (with `sku`,
 * `available`, `errors`, `orderId`, `dependency` when the API sent them).
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly problemName: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly problem: Problem,
    readonly requestId?: string,
    retryAfterSeconds?: number,
  ) {
    super(`${problem.title}${problem.detail ? `: ${problem.detail}` : ""} (${problem.status})`);
    this.name = "ProblemError";
    this.status = problem.status;
    this.type = problem.type;
    this.problemName = problem.type.startsWith(PROBLEM_TYPE_BASE)
      ? problem.type.slice(PROBLEM_TYPE_BASE.length)
      : problem.type;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whether this is the problem `name` (the short type, e.g. "insufficient-stock"). */
  is(name: string): boolean {
    return this.problemName === name;
  }
}

/** The token endpoint refused the client's credentials or scope (RFC 6749 §5.2). */
export class TokenError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
  ) {
    super(`token request refused: ${error}${description ? ` (${description})` : ""}`);
    this.name = "TokenError";
  }
}

/** An answer that is neither what the operation declares nor a problem (a proxy's HTML page). */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`unexpected ${status} answer from the storefront API: ${body.slice(0, 200)}`);
    this.name = "UnexpectedResponseError";
  }
}

/** `body` as a ProblemError when it is problem details (a type and a title), else undefined. */
export function problemOf(body: unknown, res: Response): ProblemError | undefined {
  if (!body || typeof body !== "object") return undefined;
  const p = body as Partial<Problem>;
  if (typeof p.type !== "string" || typeof p.title !== "string") return undefined;
  return new ProblemError(
    { ...p, type: p.type, title: p.title, status: p.status ?? res.status },
    res.headers.get("x-request-id") ?? undefined,
    retryAfterSeconds(res.headers.get("retry-after")),
  );
}

/** Reads a problem+json answer into a ProblemError; anything else into an UnexpectedResponseError. */
export async function errorOf(res: Response): Promise<ProblemError | UnexpectedResponseError> {
  const text = await res.text();
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    try {
      const problem = problemOf(JSON.parse(text), res);
      if (problem) return problem;
    } catch {
      // not JSON after all: reported as unexpected below
    }
  }
  return new UnexpectedResponseError(res.status, text);
}

/** Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if absent or bad. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
