import { parseSapErrorBody } from "@icp/sap-odata";
import { type BreakerOptions, type BreakerState, CircuitBreaker } from "./breaker";
import { SapError, sapErrorCodeFor } from "./errors";
import { type FetchLike, httpsFetch, type SapTls } from "./https-fetch";
import { backoffMs, parseRetryAfter, RETRYABLE_STATUSES, type RetryOptions } from "./retry";
import { type ConcurrencyLimiter, Semaphore, type Slot } from "./semaphore";

/**
 * How the client logs on to SAP:
 *   - `basic`: a communication user and its password;
 *   - `oauth2`: OAuth 2.0 client credentials; the bearer token is fetched from `tokenUrl`,
 *     shared by concurrent calls, renewed 30 s before it expires and once more when SAP answers
 *     401 (a token revoked or expired early);
 *   - `x509`: a client certificate presented in the TLS handshake (no Authorization header).
 */
export type SapAuth =
  | { kind: "basic"; username: string; password: string }
  | { kind: "oauth2"; tokenUrl: string; clientId: string; clientSecret: string; scope?: string }
  | { kind: "x509"; cert: string; key: string; passphrase?: string };

export interface SapClientConfig {
  /** Scheme, host and port of the SAP system (services live under /sap/opu/odata/sap/<SERVICE>/). */
  baseUrl: string;
  client: string;
  language: string;
  auth: SapAuth;
  /** The CAs that sign SAP's server certificate, when the system's CAs do not (any auth kind). */
  tls?: Pick<SapTls, "ca">;
  timeoutMs: number;
  maxConcurrency: number;
  /**
   * What holds the calls in flight to `maxConcurrency`: by default this process's semaphore;
   * a limiter shared by every replica makes it one cap for all of them.
   */
  limiter?: ConcurrencyLimiter;
  retry: RetryOptions;
  breaker: Omit<BreakerOptions, "onStateChange">;
  /** Called after every HTTP exchange (metrics, logs). */
  onCall?: (call: SapCallInfo) => void;
  onBreakerState?: (state: BreakerState) => void;
  /**
   * Headers derived from the caller's context, added to every request: e.g. a W3C
   * `traceparent` carrying the order's trace id, which S/4HANA (2020+) records in its
   * end-to-end trace. Called per request, so each hop gets its own span id.
   */
  contextHeaders?: () => Record<string, string>;
  /** Wraps each HTTP exchange with SAP (e.g. in a tracing span); contextHeaders run inside it. */
  wrapExchange?: <T>(
    info: { service: string; method: string; path: string },
    exchange: () => Promise<T>,
  ) => Promise<T>;
  sleep?: (ms: number) => Promise<void>;
  /**
   * SAP's longest commit window: how long after a create was sent SAP may still commit it
   * although this client gave up (default 60 s, ICM's PROCTIMEOUT). `createSalesOrderOnce` looks
   * SAP up again when it has passed before it reports an ambiguous create.
   */
  commitWindowMs?: number;
  /** The sales area whose list prices `prices` reads (default 1010/10). */
  priceArea?: { salesOrganization: string; distributionChannel: string };
}

export interface SapCallInfo {
  service: string;
  method: string;
  status: number | null;
  ms: number;
  outcome: "success" | "error" | "timeout" | "rejected";
}

export interface SapRequest {
  service: string;
  method: "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "MERGE" | "DELETE";
  /** Path below the service root, e.g. "A_SalesOrder('1')". */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Safe to send again after a timeout or dropped connection. Defaults to GET/HEAD only. */
  idempotent?: boolean;
  /**
   * Called once SAP's concurrency slot is held, immediately before the request goes on the
   * wire (again before a CSRF retry): the caller's last chance to refuse (its fence). What it
   * throws is thrown as is, and nothing is sent. It may answer a synchronous check, which runs
   * after the slot's own, with no await before the write: a fence that holds only for so long
   * (a lock with a lease) refuses there if the process was frozen after its await.
   */
  beforeSend?: () => Promise<undefined | (() => void)>;
}

/**
 * The caller's fence (`beforeSend`) and the synchronous check it may answer, each reporting a
 * refusal to `refuse` (which throws it): nothing was sent, whichever refused.
 */
async function runFence(
  req: SapRequest,
  refuse: (error: unknown) => never,
): Promise<(() => void) | undefined> {
  if (!req.beforeSend) return undefined;
  const check = await req.beforeSend().catch(refuse);
  return (
    check &&
    (() => {
      try {
        check();
      } catch (error) {
        refuse(error);
      }
    })
  );
}

export interface SapResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body as sent (binary content such as an attachment's `$value`). */
  bytes: Buffer;
  json<T = unknown>(): T;
  /**
   * SAP's clock when it answered, from the response's `Date` header (whole seconds; undefined
   * when the header is missing or unreadable). Versions compared with SAP's own stamps (event
   * times, LastChangeDateTime) must come from this clock, not ours.
   */
  serverTime: Date | undefined;
}

/** The time an HTTP `Date` header (RFC 9110 IMF-fixdate) names, or undefined. */
export function parseHttpDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

const SERVICE_ROOT = "/sap/opu/odata/sap/";

/**
 * HTTP to SAP Gateway as SAP expects it: `sap-client`/`sap-language` on every call, the
 * session cookies kept, a CSRF token fetched before the first modifying call and fetched
 * again once if SAP says `x-csrf-token: Required`; timeouts per call, retries only where they
 * are safe, a circuit breaker, and a cap on concurrent calls.
 */
export class SapTransport {
  readonly breaker: CircuitBreaker;
  readonly semaphore: ConcurrencyLimiter;
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  private oauth: { token: string; expiresAt: number } | null = null;
  /** The token fetch under way, shared by every call that needs a token meanwhile. */
  private oauthFetch: Promise<{ token: string; expiresAt: number }> | null = null;
  /** Global fetch, or one over node:https with the client certificate / CA bundle. */
  private readonly fetch: FetchLike;
  private readonly closeConnections: () => void = () => {};
  private readonly sleep: (ms: number) => Promise<void>;
  private closed = false;
  /** SAP's clock as its last answer (of any status) showed it; see SapResponse.serverTime. */
  lastServerTime: Date | undefined;

  constructor(readonly config: SapClientConfig) {
    this.breaker = new CircuitBreaker({
      ...config.breaker,
      ...(config.onBreakerState ? { onStateChange: config.onBreakerState } : {}),
    });
    this.semaphore = config.limiter ?? new Semaphore(config.maxConcurrency);
    this.sleep = config.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const auth = config.auth;
    const tls: SapTls = {
      ...(auth.kind === "x509"
        ? { cert: auth.cert, key: auth.key, ...(auth.passphrase ? { passphrase: auth.passphrase } : {}) }
        : {}),
      ...(config.tls?.ca ? { ca: config.tls.ca } : {}),
    };
    if (tls.cert || tls.ca) {
      const https = httpsFetch(tls, config.maxConcurrency);
      this.fetch = https.fetch;
      this.closeConnections = https.close;
    } else {
      this.fetch = (url, init) => fetch(url, init);
    }
  }

  serviceUrl(service: string, path = "", query: Record<string, string | undefined> = {}): string {
    const url = new URL(`${this.config.baseUrl.replace(/\/$/, "")}${SERVICE_ROOT}${service}/${path}`);
    url.searchParams.set("sap-client", this.config.client);
    url.searchParams.set("sap-language", this.config.language);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    // OData wants $ options unencoded; URLSearchParams encodes "$" as %24, which Gateway accepts,
    // but spaces must be %20 rather than "+" in $filter.
    return url.toString().replace(/\+/g, "%20");
  }

  async request(req: SapRequest): Promise<SapResponse> {
    if (this.closed)
      throw new SapError({ code: "SAP_PROTOCOL", message: "SAP client is closed", retryable: false });
    const idempotent = req.idempotent ?? (req.method === "GET" || req.method === "HEAD");
    const modifying = !(req.method === "GET" || req.method === "HEAD");
    const attempts = Math.max(1, this.config.retry.attempts);
    let csrfRetried = false;
    let tokenRenewed = false;
    let lastError: SapError | undefined;

    for (let attempt = 1; attempt <= attempts; attempt++) {
      this.breaker.acquire();
      if (modifying && !this.csrfToken) await this.fetchCsrf(req.service);
      const started = performance.now();
      let res: Response;
      let refused: { error: unknown } | undefined;
      try {
        res = await this.semaphore.run(async (slot) => {
          // A caller may have waited long for the slot (or been frozen waiting): it checks now.
          const lastCheck = await runFence(req, (error) => {
            refused = { error };
            throw error;
          });
          return this.config.wrapExchange
            ? this.config.wrapExchange(
                { service: req.service, method: req.method, path: pathOnly(req.path) },
                () => this.send(req, modifying, slot, lastCheck),
              )
            : this.send(req, modifying, slot, lastCheck);
        });
      } catch (e) {
        if (refused || e instanceof SapError) {
          // Nothing went to SAP (the caller's fence refused, or the OAuth2 token endpoint
          // failed): no verdict on SAP's health, but a half-open probe slot is freed.
          this.breaker.neutral();
          throw refused ? refused.error : e;
        }
        const timeout = (e as Error).name === "TimeoutError" || (e as Error).name === "AbortError";
        this.breaker.failure();
        this.report(req, null, started, timeout ? "timeout" : "error");
        lastError = new SapError({
          code: timeout ? "SAP_TIMEOUT" : "SAP_UNAVAILABLE",
          message: timeout
            ? `SAP did not answer ${req.method} ${req.service}/${pathOnly(req.path)} within ${this.config.timeoutMs} ms`
            : `SAP is unreachable: ${(e as Error).message}`,
          retryable: true,
          ambiguous: !idempotent,
          cause: e,
        });
        if (idempotent && attempt < attempts) {
          await this.sleep(backoffMs(attempt, this.config.retry));
          continue;
        }
        throw lastError;
      }
      this.keepCookies(res.headers);
      const serverTime = parseHttpDate(res.headers.get("date"));
      if (serverTime) this.lastServerTime = serverTime;
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString("utf8");
      const status = res.status;

      if (status === 403 && res.headers.get("x-csrf-token")?.toLowerCase() === "required" && !csrfRetried) {
        // The token expired or the session was lost: fetch a new one and send once more.
        this.report(req, status, started, "rejected");
        this.csrfToken = null;
        csrfRetried = true;
        attempt--;
        continue;
      }
      if (status === 401 && this.config.auth.kind === "oauth2" && !tokenRenewed) {
        // The bearer token was refused (revoked, or expired before its expires_in): SAP did
        // nothing with the request, so fetch a new token and send once more, even a create.
        this.breaker.neutral();
        this.report(req, status, started, "rejected");
        this.oauth = null;
        tokenRenewed = true;
        attempt--;
        continue;
      }
      if (status >= 200 && status < 300) {
        this.breaker.success();
        this.report(req, status, started, "success");
        return {
          status,
          headers: res.headers,
          text,
          bytes,
          json: <T>() => JSON.parse(text) as T,
          serverTime,
        };
      }

      const sap = parseSapErrorBody(text)?.error;
      const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
      const code = sapErrorCodeFor(status, sap);
      if (code === "SAP_LOCKED") {
        // someone else holds the document: nothing was changed, so even a create may be sent
        // again, after a backoff that gives the holder time to finish
        this.breaker.neutral();
        this.report(req, status, started, "error");
        lastError = new SapError({
          code,
          message: `SAP ${status} ${sap?.code ?? ""}: ${sap?.message.value ?? "locked"}`,
          retryable: true,
          httpStatus: status,
          ...(sap ? { sap } : {}),
        });
        if (attempt < attempts) {
          await this.sleep(Math.max(retryAfter ?? 0, backoffMs(attempt, this.config.retry)));
          continue;
        }
        throw lastError;
      }
      if (RETRYABLE_STATUSES.has(status) || status >= 500) {
        if (status === 429) this.breaker.neutral();
        else this.breaker.failure();
        this.report(req, status, started, "error");
        // 429 and 503 are refusals before any work was done: safe to resend even a create.
        // 500/502/504 after a create may hide a committed document: the caller must look first.
        const refused = status === 429 || status === 503;
        lastError = new SapError({
          code: status === 429 ? "SAP_RATE_LIMITED" : "SAP_UNAVAILABLE",
          message: sap?.message.value ? `SAP ${status}: ${sap.message.value}` : `SAP answered ${status}`,
          retryable: true,
          httpStatus: status,
          ambiguous: !idempotent && !refused,
          ...(sap ? { sap } : {}),
          ...(retryAfter !== null ? { retryAfterMs: retryAfter } : {}),
        });
        if ((idempotent || refused) && attempt < attempts) {
          await this.sleep(Math.max(retryAfter ?? 0, backoffMs(attempt, this.config.retry)));
          continue;
        }
        throw lastError;
      }
      this.breaker.neutral();
      this.report(req, status, started, "error");
      throw new SapError({
        code,
        message: sap?.message.value
          ? `SAP ${status} ${sap.code}: ${sap.message.value}`
          : `SAP answered ${status} to ${req.method} ${req.service}/${pathOnly(req.path)}`,
        retryable: false,
        httpStatus: status,
        ...(sap ? { sap } : {}),
      });
    }
    throw (
      lastError ?? new SapError({ code: "SAP_PROTOCOL", message: "no attempt was made", retryable: false })
    );
  }

  /**
   * One authenticated HEAD on a service root, outside the breaker, the retries and the cap:
   * SAP's reachability as a health page shows it, logged on as the worker is (basic, OAuth 2.0
   * or the client certificate). Answers SAP's status, whatever it is; throws when SAP (or the
   * token endpoint) cannot be reached or refuses the logon before SAP is asked.
   */
  async probe(service: string, timeoutMs: number): Promise<number> {
    const authorization = await this.authorization();
    const res = await this.fetch(this.serviceUrl(service), {
      method: "HEAD",
      headers: { accept: "application/json", ...(authorization ? { authorization } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    return res.status;
  }

  private async send(
    req: SapRequest,
    modifying: boolean,
    slot: Slot,
    lastCheck?: () => void,
  ): Promise<Response> {
    const authorization = await this.authorization();
    const headers: Record<string, string> = {
      accept: "application/json",
      ...(authorization ? { authorization } : {}),
      ...(req.body !== undefined ? { "content-type": "application/json" } : {}),
      ...this.config.contextHeaders?.(),
      ...req.headers,
    };
    if (modifying && this.csrfToken) headers["x-csrf-token"] = this.csrfToken;
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    let method: string = req.method;
    if (method === "MERGE") {
      // MERGE is not a method fetch may send; Gateway honours the tunnelled form.
      method = "POST";
      headers["x-http-method"] = "MERGE";
    }
    // Last thing before the wire, with no await in between: a slot lost meanwhile sends nothing,
    // nor does a caller whose fence has lapsed meanwhile.
    slot.check();
    lastCheck?.();
    return this.fetch(this.serviceUrl(req.service, req.path, req.query), {
      method,
      headers,
      ...(req.rawBody !== undefined
        ? { body: req.rawBody }
        : req.body !== undefined
          ? { body: JSON.stringify(req.body) }
          : {}),
      signal: AbortSignal.timeout(this.config.timeoutMs),
      redirect: "manual",
    });
  }

  private async fetchCsrf(service: string): Promise<void> {
    const head = () =>
      this.semaphore.run((slot) =>
        this.authorization().then(async (authorization) => {
          slot.check();
          return this.fetch(this.serviceUrl(service), {
            method: "HEAD",
            headers: {
              ...(authorization ? { authorization } : {}),
              "x-csrf-token": "Fetch",
              ...(this.cookieHeader() ? { cookie: this.cookieHeader() } : {}),
            },
            signal: AbortSignal.timeout(this.config.timeoutMs),
          });
        }),
      );
    const res = await head()
      .then(async (first) => {
        if (first.status !== 401 || this.config.auth.kind !== "oauth2") return first;
        // a refused bearer token: one new token, one more try
        await first.arrayBuffer();
        this.oauth = null;
        return head();
      })
      .catch((e: unknown) => {
        if (e instanceof SapError) {
          // the OAuth2 token endpoint, not SAP, failed: no verdict on SAP's health
          this.breaker.neutral();
          throw e;
        }
        this.breaker.failure();
        throw new SapError({
          code: "SAP_UNAVAILABLE",
          message: `could not fetch a CSRF token: ${(e as Error).message}`,
          retryable: true,
          cause: e,
        });
      });
    this.keepCookies(res.headers);
    // Every way out of here gives the breaker its verdict, or a half-open circuit would keep
    // its probe slot for ever and refuse every later call.
    if (res.status >= 500) this.breaker.failure();
    else if (res.status === 401 || res.status === 403 || !res.headers.get("x-csrf-token"))
      this.breaker.neutral();
    if (res.status === 401 || res.status === 403) {
      throw new SapError({
        code: "SAP_AUTH",
        message: `SAP refused the logon (${res.status}) while fetching a CSRF token`,
        retryable: false,
        httpStatus: res.status,
      });
    }
    const token = res.headers.get("x-csrf-token");
    if (!token || token.toLowerCase() === "required") {
      throw new SapError({
        code: "SAP_PROTOCOL",
        message: `SAP returned no CSRF token (status ${res.status})`,
        retryable: res.status >= 500,
        httpStatus: res.status,
      });
    }
    this.csrfToken = token;
  }

  /** The Authorization header, or null when the TLS client certificate is the logon. */
  private async authorization(): Promise<string | null> {
    const auth = this.config.auth;
    if (auth.kind === "basic")
      return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
    if (auth.kind === "x509") return null;
    if (!this.oauth || Date.now() > this.oauth.expiresAt - 30_000) {
      // Calls that find no valid token meanwhile wait for the same fetch: one token, not one each.
      this.oauthFetch ??= this.fetchToken(auth).finally(() => {
        this.oauthFetch = null;
      });
      this.oauth = await this.oauthFetch;
    }
    return `Bearer ${this.oauth.token}`;
  }

  /** OAuth 2.0 client credentials (RFC 6749 4.4), the client authenticating with HTTP Basic. */
  private async fetchToken(
    auth: Extract<SapAuth, { kind: "oauth2" }>,
  ): Promise<{ token: string; expiresAt: number }> {
    // The token endpoint (e.g. XSUAA on SAP BTP) is another host, trusted by the system's CAs.
    const res = await fetch(auth.tokenUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        ...(auth.scope ? { scope: auth.scope } : {}),
      }),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    if (!res.ok)
      throw new SapError({
        code: "SAP_AUTH",
        message: `OAuth2 token endpoint answered ${res.status}`,
        retryable: res.status >= 500,
        httpStatus: res.status,
      });
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token)
      throw new SapError({
        code: "SAP_AUTH",
        message: "OAuth2 token endpoint returned no access_token",
        retryable: false,
      });
    return { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 300) * 1000 };
  }

  private keepCookies(headers: Headers) {
    for (const c of headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private report(req: SapRequest, status: number | null, started: number, outcome: SapCallInfo["outcome"]) {
    this.config.onCall?.({
      service: req.service,
      method: req.method,
      status,
      ms: performance.now() - started,
      outcome,
    });
  }

  /** Forget the session (cookies, CSRF token, OAuth token) and refuse further calls. */
  close(): void {
    this.closed = true;
    this.cookies.clear();
    this.csrfToken = null;
    this.oauth = null;
    this.closeConnections();
  }
}

function pathOnly(path: string): string {
  return path.split("?")[0] ?? path;
}
