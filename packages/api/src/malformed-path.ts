/**
 * A `%` that is not valid UTF-8 percent-encoding in a path under /api (issue 17: 5). Next's own
 * parameter decoding would fail on it with a bare text/plain 500 before any route handler ran;
 * the console's proxy (apps/console/src/proxy.ts) answers it with this instead: 400
 * problem+json with the security headers. Null for a path that decodes. No imports: the proxy
 * runs before everything else.
 */
export function malformedPathResponse(url: string): Response | null {
  const pathname = new URL(url).pathname;
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    // falls through: the refusal
  }
  const area = pathname.startsWith("/api/storefront/") ? "storefront" : "console";
  const body = {
    type: `https://errors.icp.example.com/${area}/malformed-path`,
    title: "Malformed path",
    status: 400,
    detail: "The path is not valid percent-encoding (RFC 3986 §2.1, UTF-8).",
  };
  return new Response(JSON.stringify(body), {
    status: 400,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "referrer-policy": "strict-origin-when-cross-origin",
    },
  });
}
