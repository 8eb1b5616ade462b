import { malformedPathResponse } from "@icp/api/malformed-path";
import { NextResponse } from "next/server";

/**
 * Runs before routing for every /api path (Next.js proxy, formerly middleware), on the raw
 * path: a malformed `%` is answered 400 problem+json with the security headers instead of
 * Next's bare text/plain 500 (issue 17: 5). Everything else goes on to its route.
 */
export function proxy(req: Request): Response {
  return malformedPathResponse(req.url) ?? NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
