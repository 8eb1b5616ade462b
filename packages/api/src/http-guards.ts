import { BodyTooLargeError, readBodyCapped } from "@icp/domain";
import { getTRPCErrorShape, transformTRPCResponse } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { type AppCode, appError } from "./errors";
import { appRouter } from "./root";

/**
 * Guards in front of the console's tRPC endpoint (/api/trpc), before any procedure runs:
 *
 * - **CSRF.** A request that can change state (anything but GET/HEAD/OPTIONS; tRPC sends every
 *   mutation as a POST and refuses queries over POST) must prove it comes from the console's
 *   own pages. The session cookie is SameSite=Lax, which already stops cross-site form posts;
 *   this also stops same-site, cross-origin ones (a sibling host under the same site) and
 *   anything a lax cookie policy lets through. Evidence, in order:
 *     1. `Origin` — must be the console's origin (CONSOLE_URL). `Origin: null` (sandboxed
 *        frames, opaque redirects) is refused.
 *     2. no Origin: `Sec-Fetch-Site` — only `same-origin` is accepted (`same-site`,
 *        `cross-site` and `none` are refused).
 *     3. neither: `Referer` — its origin must be the console's.
 *     4. none of the three: refused. Every current browser sends `Origin` on a POST, so such a
 *        request is either a script (which then adds `Origin` itself, as the Playwright specs
 *        do) or a browser we cannot prove is on our page; unprovable means no.
 * - **Body size.** At most TRPC_MAX_BODY_BYTES, checked on `Content-Length` before reading and
 *   again while reading (a chunked or lying body is cut off at the limit).
 *
 * A refusal is answered in tRPC's own error shape (the client's error handling keeps working)
 * with HTTP 403 FORBIDDEN / 413 PAYLOAD_TOO_LARGE, before context creation: nothing runs,
 * nothing changes, no audit entry is written. The caller logs it.
 */

export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

export type CsrfRefusal =
  /** `Origin` present but not the console's. */
  | "origin-mismatch"
  /** `Origin: null`. */
  | "origin-null"
  /** No `Origin`, and `Sec-Fetch-Site` is not `same-origin`. */
  | "fetch-site-not-same-origin"
  /** Neither `Origin` nor `Sec-Fetch-Site`, and `Referer` is another origin or unparseable. */
  | "referer-mismatch"
  /** None of `Origin`, `Sec-Fetch-Site`, `Referer`. */
  | "no-provenance";

export type SameOriginVerdict =
  | { ok: true; by: "safe-method" | "origin" | "sec-fetch-site" | "referer" }
  | { ok: false; reason: CsrfRefusal; seen: string | null };

interface HeaderSource {
  get(name: string): string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins the console's pages are served from: CONSOLE_URL's. Locally and in CI a loopback
 * console is also reachable under the other loopback spellings (localhost ↔ 127.0.0.1 ↔ [::1],
 * same scheme and port); deployed environments accept exactly one origin.
 */
export function allowedConsoleOrigins(consoleUrl: string, environment: string): string[] {
  const origin = originOf(consoleUrl);
  if (!origin) throw new Error(`CONSOLE_URL is not an http(s) URL: ${consoleUrl}`);
  const u = new URL(origin);
  if ((environment === "local" || environment === "ci") && LOOPBACK_HOSTS.includes(u.hostname)) {
    return LOOPBACK_HOSTS.map((host) => `${u.protocol}//${host}${u.port ? `:${u.port}` : ""}`);
  }
  return [origin];
}

/** Whether a request may reach a tRPC procedure as far as CSRF goes. Pure: headers in, verdict out. */
export function sameOriginVerdict(
  method: string,
  headers: HeaderSource,
  allowedOrigins: readonly string[],
): SameOriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true, by: "safe-method" };
  const allowed = new Set(allowedOrigins.map((o) => originOf(o) ?? o));

  const origin = headers.get("origin");
  if (origin !== null && origin.trim() !== "") {
    const value = origin.trim();
    if (value === "null") return { ok: false, reason: "origin-null", seen: value };
    const parsed = originOf(value);
    // An Origin is exactly scheme://host[:port]; anything with a path is not one we sent.
    return parsed !== null && parsed === value.replace(/\/$/, "").toLowerCase() && allowed.has(parsed)
      ? { ok: true, by: "origin" }
      : { ok: false, reason: "origin-mismatch", seen: value };
  }

  const site = headers.get("sec-fetch-site");
  if (site !== null && site.trim() !== "") {
    return site.trim().toLowerCase() === "same-origin"
      ? { ok: true, by: "sec-fetch-site" }
      : { ok: false, reason: "fetch-site-not-same-origin", seen: site };
  }

  const referer = headers.get("referer");
  if (referer !== null && referer.trim() !== "") {
    const parsed = originOf(referer.trim());
    return parsed !== null && allowed.has(parsed)
      ? { ok: true, by: "referer" }
      : { ok: false, reason: "referer-mismatch", seen: parsed ?? "(unparseable)" };
  }

  return { ok: false, reason: "no-provenance", seen: null };
}

/** The procedure paths a tRPC URL names (`/api/trpc/a.b,c.d?batch=1`), for error shapes and logs. */
export function trpcPaths(url: URL, endpoint = "/api/trpc"): { paths: string[]; batch: boolean } {
  const rest = url.pathname.startsWith(`${endpoint}/`) ? url.pathname.slice(endpoint.length + 1) : "";
  let decoded = rest;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    // keep it raw
  }
  const batch = url.searchParams.get("batch") === "1";
  return { paths: batch ? decoded.split(",") : [decoded], batch };
}

/**
 * A refusal in tRPC's wire format — the same body `fetchRequestHandler` would send for a
 * procedure that threw this error (our errorFormatter, superjson, one entry per call of a
 * batch), so the console's client shows it like any other error.
 */
export function trpcRefusal(
  url: URL,
  appCode: AppCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const config = appRouter._def._config;
  const { paths, batch } = trpcPaths(url);
  const error = appError(appCode, message);
  const entries = paths.map((path) => ({
    error: getTRPCErrorShape({
      config,
      error,
      type: "unknown",
      path,
      input: undefined,
      ctx: undefined,
    }),
  }));
  const body = batch ? transformTRPCResponse(config, entries) : transformTRPCResponse(config, entries[0]!);
  return new Response(JSON.stringify(body), {
    status: getHTTPStatusCodeFromError(error),
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

export const CSRF_APP_CODE = "CSRF_ORIGIN_REJECTED" satisfies AppCode;
export const BODY_TOO_LARGE_APP_CODE = "BODY_TOO_LARGE" satisfies AppCode;

export type TrpcGuardResult =
  | { ok: true; req: Request }
  | { ok: false; response: Response; refusal: "csrf"; verdict: Extract<SameOriginVerdict, { ok: false }> }
  | { ok: false; response: Response; refusal: "body-too-large"; maxBytes: number };

/**
 * Both guards in order (CSRF first: it needs only headers). On success the request comes back
 * with its body already read and capped, ready for `fetchRequestHandler`.
 */
export async function guardTrpcRequest(
  req: Request,
  opts: { allowedOrigins: readonly string[]; maxBodyBytes?: number; headers?: Record<string, string> },
): Promise<TrpcGuardResult> {
  const url = new URL(req.url);
  const verdict = sameOriginVerdict(req.method, req.headers, opts.allowedOrigins);
  if (!verdict.ok) {
    return {
      ok: false,
      refusal: "csrf",
      verdict,
      response: trpcRefusal(
        url,
        CSRF_APP_CODE,
        "Refused: this request does not come from the console's own pages (cross-site request).",
        opts.headers,
      ),
    };
  }
  const maxBytes = opts.maxBodyBytes ?? TRPC_MAX_BODY_BYTES;
  try {
    const body = await readBodyCapped(req, maxBytes);
    if (body === null) return { ok: true, req };
    const headers = new Headers(req.headers);
    headers.set("content-length", String(body.byteLength));
    headers.delete("transfer-encoding");
    return {
      ok: true,
      req: new Request(req.url, { method: req.method, headers, body, signal: req.signal }),
    };
  } catch (e) {
    if (!(e instanceof BodyTooLargeError)) throw e;
    return {
      ok: false,
      refusal: "body-too-large",
      maxBytes,
      response: trpcRefusal(url, BODY_TOO_LARGE_APP_CODE, e.message, opts.headers),
    };
  }
}
