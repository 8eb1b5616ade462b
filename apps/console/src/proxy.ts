import { NextResponse } from "next/server";

/**
 * Runs before routing for every /api path (Next.js proxy, formerly middleware). A `%` that is
 * not valid UTF-8 percent-encoding would make Next's own parameter decoding fail with a bare
 * text/plain 500 before any route handler ran (issue 17: 5); here it is answered like every
 * other refusal: 400 problem+json, with the security headers.
 */
export function proxy(req: Request): Response | undefined {
  const raw = new URL(req.url).pathname;
  try {
    decodeURIComponent(raw);
    return NextResponse.next();
  } catch {
    return malformedPath(raw);
  }
}

export function malformedPath(pathname: string): Response {
  const storefront = pathname.startsWith("/api/storefront/");
  const body = {
    type: storefront
      ? "https://errors.icp.example.com/storefront/malformed-path"
      : "https://errors.icp.example.com/console/malformed-path",
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

export const config = { matcher: "/api/:path*" };
