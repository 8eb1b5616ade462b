import { Prng } from "../seed/prng";

/** Which requests a fault applies to; every field given must match. */
export interface FaultScope {
  service?: string;
  /** HTTP method, or the X-HTTP-Method tunnelled in a POST (e.g. MERGE). */
  method?: string;
  /** Prefix of the path below the service root, e.g. `A_SalesOrder`. */
  pathPrefix?: string;
}

export interface FaultConfig {
  latencyMs?: number;
  jitterMs?: number;
  /** Share of requests (0..1) answered with `errorStatus`. */
  errorRate?: number;
  errorStatus?: 500 | 502 | 503 | 504;
  /** Share of requests answered 429 with Retry-After. */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** Share of requests that never get an answer (until the client gives up). */
  timeoutRate?: number;
  /** Share of modifying requests that are carried out but whose response is lost (socket destroyed). */
  lostResponseRate?: number;
  /**
   * Share of modifying requests that SAP carries out only after the caller gave up: the request
   * gets no answer until the client closes the connection, and the work process commits
   * `lateCommitMs` after that (a create SAP commits at second 16 of a 15 s client timeout).
   */
  lateCommitRate?: number;
  /** How long after the caller gave up a late commit lands (default 2000 ms). */
  lateCommitMs?: number;
  /**
   * Share of modifying requests refused because the document is locked by another user (SD
   * message V1/042, HTTP 400): nothing is changed, and the same request succeeds later.
   */
  lockRate?: number;
  /** Requests beyond this many in flight get 503. */
  maxConcurrency?: number;
  outage?: boolean;
  scope?: FaultScope;
  /**
   * SAP's clock minus the real clock (ms; negative = SAP is behind). Everything SAP stamps
   * follows it: LastChangeDateTime, CreationDate, the business events' `time` and the `Date`
   * header. A setting of the simulated system, not a per-request fault: `scope` does not limit it.
   */
  clockSkewMs?: number;
  /**
   * Overrides the duplicate purchase-order check (VOV8 "Check Purch.No.") of every sales
   * document type, e.g. `off` for systems that do not have it. Like `clockSkewMs`, not scoped.
   */
  purchaseOrderCheck?: PurchaseOrderCheck;
}

/** What SAP does when a sales document repeats a sold-to party's PurchaseOrderByCustomer. */
export type PurchaseOrderCheck = "off" | "warning" | "error";
export const PURCHASE_ORDER_CHECKS: readonly PurchaseOrderCheck[] = ["off", "warning", "error"];

export type FaultDecision =
  | { kind: "none" }
  | { kind: "outage" }
  | { kind: "error"; status: number }
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "timeout" }
  | { kind: "lostResponse" }
  | { kind: "lateCommit"; afterMs: number }
  | { kind: "locked" };

const NUMBER_FIELDS = [
  "latencyMs",
  "jitterMs",
  "errorRate",
  "rateLimitRate",
  "retryAfterSeconds",
  "timeoutRate",
  "lostResponseRate",
  "lateCommitRate",
  "lateCommitMs",
  "lockRate",
  "maxConcurrency",
] as const;
const RATES = new Set([
  "errorRate",
  "rateLimitRate",
  "timeoutRate",
  "lostResponseRate",
  "lateCommitRate",
  "lockRate",
]);

/** Checks an admin payload; returns the config or a list of problems. */
export function parseFaultConfig(
  input: unknown,
): { ok: true; config: FaultConfig } | { ok: false; problems: string[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { ok: false, problems: ["body must be a JSON object"] };
  const src = input as Record<string, unknown>;
  const problems: string[] = [];
  const config: FaultConfig = {};
  for (const f of NUMBER_FIELDS) {
    const v = src[f];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (RATES.has(f) && v > 1)) {
      problems.push(`${f} must be a ${RATES.has(f) ? "number between 0 and 1" : "non-negative number"}`);
      continue;
    }
    config[f] = v;
  }
  if (src.errorStatus !== undefined) {
    if (
      src.errorStatus === 500 ||
      src.errorStatus === 502 ||
      src.errorStatus === 503 ||
      src.errorStatus === 504
    )
      config.errorStatus = src.errorStatus;
    else problems.push("errorStatus must be one of 500, 502, 503, 504");
  }
  if (src.outage !== undefined) {
    if (typeof src.outage === "boolean") config.outage = src.outage;
    else problems.push("outage must be a boolean");
  }
  if (src.clockSkewMs !== undefined) {
    // a skew may be negative (SAP behind); a year either way is beyond any real NTP failure
    if (
      typeof src.clockSkewMs !== "number" ||
      !Number.isInteger(src.clockSkewMs) ||
      Math.abs(src.clockSkewMs) > 366 * 86_400_000
    )
      problems.push("clockSkewMs must be an integer number of milliseconds within a year either way");
    else config.clockSkewMs = src.clockSkewMs;
  }
  if (src.purchaseOrderCheck !== undefined) {
    if (PURCHASE_ORDER_CHECKS.includes(src.purchaseOrderCheck as PurchaseOrderCheck))
      config.purchaseOrderCheck = src.purchaseOrderCheck as PurchaseOrderCheck;
    else problems.push(`purchaseOrderCheck must be one of ${PURCHASE_ORDER_CHECKS.join(", ")}`);
  }
  if (src.scope !== undefined) {
    const s = src.scope as Record<string, unknown>;
    if (typeof s !== "object" || s === null) problems.push("scope must be an object");
    else {
      const scope: FaultScope = {};
      for (const k of ["service", "method", "pathPrefix"] as const) {
        if (s[k] === undefined) continue;
        if (typeof s[k] !== "string") problems.push(`scope.${k} must be a string`);
        else scope[k] = k === "method" ? (s[k] as string).toUpperCase() : (s[k] as string);
      }
      config.scope = scope;
    }
  }
  const unknown = Object.keys(src).filter(
    (k) =>
      !(NUMBER_FIELDS as readonly string[]).includes(k) &&
      !["errorStatus", "outage", "scope", "clockSkewMs", "purchaseOrderCheck"].includes(k),
  );
  for (const k of unknown) problems.push(`unknown field ${k}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

/** The fault injector: holds the active config and decides per request, reproducibly. */
export class FaultInjector {
  private config: FaultConfig = {};
  private rng: Prng;

  constructor(private readonly seed = 7) {
    this.rng = new Prng(seed);
  }

  get(): FaultConfig {
    return this.config;
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.rng = new Prng(this.seed);
  }

  clear(): void {
    this.set({});
  }

  applies(req: { service: string; method: string; path: string }): boolean {
    const s = this.config.scope;
    if (!s) return true;
    if (s.service && s.service !== req.service) return false;
    if (s.method && s.method !== req.method.toUpperCase()) return false;
    if (s.pathPrefix && !req.path.startsWith(s.pathPrefix)) return false;
    return true;
  }

  /** SAP's clock skew in force (0 unless set). */
  clockSkewMs(): number {
    return this.config.clockSkewMs ?? 0;
  }

  latency(): number {
    const base = this.config.latencyMs ?? 0;
    const jitter = this.config.jitterMs ?? 0;
    return base + (jitter > 0 ? this.rng.next() * jitter : 0);
  }

  decide(modifying: boolean): FaultDecision {
    const c = this.config;
    if (c.outage) return { kind: "outage" };
    if (c.rateLimitRate && this.rng.next() < c.rateLimitRate)
      return { kind: "rateLimited", retryAfterSeconds: c.retryAfterSeconds ?? 1 };
    if (c.errorRate && this.rng.next() < c.errorRate) return { kind: "error", status: c.errorStatus ?? 503 };
    if (c.timeoutRate && this.rng.next() < c.timeoutRate) return { kind: "timeout" };
    if (modifying && c.lostResponseRate && this.rng.next() < c.lostResponseRate)
      return { kind: "lostResponse" };
    if (modifying && c.lockRate && this.rng.next() < c.lockRate) return { kind: "locked" };
    if (modifying && c.lateCommitRate && this.rng.next() < c.lateCommitRate)
      return { kind: "lateCommit", afterMs: c.lateCommitMs ?? 2_000 };
    return { kind: "none" };
  }
}
