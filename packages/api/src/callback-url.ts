/**
 * Sign-in redirects (issue 17: 1). No imports: the sign-in form, a client component, uses
 * `safeCallbackPath` too.
 */
const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * Where the sign-in page may send the user afterwards: a path on the console itself, or "/".
 * Anything else — `javascript:`, `data:`, an absolute URL, `//evil` or `/\evil` (both
 * protocol-relative to a browser), control characters — is not a place on this console. The
 * answer is re-serialised from the parsed URL and checked again, so dot segments cannot
 * rebuild a `//host` path either.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let u: URL;
  try {
    u = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (u.origin !== PLACEHOLDER_ORIGIN) return "/";
  const path = `${u.pathname}${u.search}${u.hash}`;
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}

/**
 * next-auth's `redirect` callback: a path of the console (as `safeCallbackPath` allows) or a
 * URL on the console's own origin, else the console's root. Never throws, so a hostile
 * `callbackUrl` cannot make /api/auth/signin or /signout answer 500.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  try {
    const base = new URL(baseUrl);
    const root = `${base.origin}${base.pathname.replace(/\/$/, "")}`;
    if (url.startsWith("/")) return `${root}${safeCallbackPath(url)}`;
    const u = new URL(url);
    if (u.origin === base.origin) return `${root}${safeCallbackPath(`${u.pathname}${u.search}${u.hash}`)}`;
    return baseUrl;
  } catch {
    return baseUrl;
  }
}
