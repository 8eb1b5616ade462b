import { errorOf, retryAfterSeconds, TokenError } from "./errors";

/** How the SDK retries 429 and 503 (and a 409 "request in progress" of the same key). */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 4). */
  maxAttempts: number;
  /** The longest the SDK waits before one retry (default 10 s); a longer Retry-After is not waited for. */
  maxDelayMs: number;
  /** The wait when the answer gives no Retry-After: baseDelayMs × 2^(attempt-1), ± 20 % (default 250 ms). */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, maxDelayMs: 10_000, baseDelayMs: 250 };

export interface TransportOptions {
  /** The API's base URL, e.g. https://shop-api.example.com/api/storefront/v1 */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for; omitted: every scope the client was granted. */
  scope?: string;
  retry?: Partial<RetryPolicy>;
  /** Renew a token this long before it expires (default 30 s). */
  tokenRefreshSkewMs?: number;
  fetch?: (input: Request) => Promise<Response>;
  /** For tests: how the SDK waits between attempts. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: the clock token expiry is measured with. */
  now?: () => number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Paths the API serves without a token. */
const PUBLIC_PATHS = /\/(oauth\/token|\.well-known\/jwks\.json|openapi\.json|images\/[^/]+)$/;
/** Operations that take an Idempotency-Key (the document marks it required on them). */
const IDEMPOTENT_POSTS = /\/orders$/;
const RETRYABLE = new Set([429, 503]);

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The SDK's fetch: a client-credentials token (cached, renewed before it expires, fetched once
 * for concurrent callers, renewed once on a 401), an Idempotency-Key on order submissions
 * (generated when the caller gave none, the same on every retry), and bounded retries of 429
 * and 503 that honour Retry-After. Problems reach the caller as the API wrote them.
 */
export class Transport {
  private token: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  readonly retry: RetryPolicy;
  private readonly baseFetch: (input: Request) => Promise<Response>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly opts: TransportOptions) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.baseFetch = opts.fetch ?? ((r) => globalThis.fetch(r));
    this.sleep = opts.sleep ?? sleepFor;
    this.now = opts.now ?? Date.now;
  }

  /** A valid access token: the cached one, or a new one (one request however many callers wait). */
  async accessToken(): Promise<string> {
    const skew = this.opts.tokenRefreshSkewMs ?? 30_000;
    if (this.token && this.now() < this.token.expiresAt - skew) return this.token.value;
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    this.token = await this.pending;
    return this.token.value;
  }

  /** Forget the cached token (the API said it is no longer valid). */
  dropToken(): void {
    this.token = undefined;
  }

  private async requestToken(): Promise<CachedToken> {
    const body = new URLSearchParams({ grant_type: "client_credentials" });
    if (this.opts.scope) body.set("scope", this.opts.scope);
    const basic = btoa(
      `${encodeURIComponent(this.opts.clientId)}:${encodeURIComponent(this.opts.clientSecret)}`,
    );
    const res = await this.withRetries(
      () =>
        new Request(`${this.opts.baseUrl}/oauth/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
          body,
        }),
    );
    if (!res.ok) {
      // RFC 6749 §5.2 error ({ error, error_description }), else a problem or something unexpected.
      const refusal: { error?: unknown; error_description?: unknown } =
        (await res
          .clone()
          .json()
          .catch(() => null)) ?? {};
      if (typeof refusal.error === "string")
        throw new TokenError(refusal.error, String(refusal.error_description ?? ""), res.status);
      throw await errorOf(res);
    }
    const token = (await res.json()) as { access_token: string; expires_in: number };
    return { value: token.access_token, expiresAt: this.now() + token.expires_in * 1000 };
  }

  /** The fetch openapi-fetch is given. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    if (request.method === "POST" && IDEMPOTENT_POSTS.test(url.pathname) && !headers.has("idempotency-key"))
      headers.set("idempotency-key", crypto.randomUUID());
    // The body is read once, so every attempt sends the same bytes (and the same key).
    const body = request.body ? await request.arrayBuffer() : undefined;
    const authorised = !PUBLIC_PATHS.test(url.pathname);
    const build = async (): Promise<Request> => {
      const h = new Headers(headers);
      if (authorised) h.set("authorization", `Bearer ${await this.accessToken()}`);
      return new Request(request.url, { method: request.method, headers: h, ...(body ? { body } : {}) });
    };
    let res = await this.withRetries(build);
    if (res.status === 401 && authorised) {
      // A token revoked or signed with a retired key: renew it once.
      this.dropToken();
      res = await this.withRetries(build);
    }
    return res;
  };

  /** Sends `build()`'s request, again after 429/503 as Retry-After says, at most maxAttempts times. */
  private async withRetries(build: () => Request | Promise<Request>): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.baseFetch(await build());
      if (attempt >= this.retry.maxAttempts || !(await this.retryable(res))) return res;
      const told = retryAfterSeconds(res.headers.get("retry-after"), this.now());
      const backoff = this.retry.baseDelayMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
      const wait = told !== undefined ? told * 1000 : backoff;
      if (wait > this.retry.maxDelayMs) return res;
      await res.body?.cancel();
      await this.sleep(wait);
    }
  }

  private async retryable(res: Response): Promise<boolean> {
    if (RETRYABLE.has(res.status)) return true;
    if (res.status !== 409 || !res.headers.has("retry-after")) return false;
    // The same Idempotency-Key is still being handled: its answer is coming, ask again.
    const body = (await res
      .clone()
      .json()
      .catch(() => ({}))) as { type?: string };
    return typeof body.type === "string" && body.type.endsWith("/request-in-progress");
  }
}
