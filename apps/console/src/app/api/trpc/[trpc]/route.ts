import { randomUUID } from "node:crypto";
import { allowedConsoleOrigins, appRouter, guardTrpcRequest } from "@icp/api";
import { clientAddress } from "@icp/config";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentStaff } from "~/server/auth";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { metrics } from "~/server/metrics";
import { apiServices } from "~/server/services";

export const dynamic = "force-dynamic";

/** The console's own origin(s): a mutation from anywhere else is a cross-site request (CSRF). */
const ALLOWED_ORIGINS = allowedConsoleOrigins(env.CONSOLE_URL, env.ICP_ENVIRONMENT);

async function handler(incoming: Request) {
  const started = performance.now();
  // Ours, never the client's: audit entries and log lines name this request only.
  const requestId = randomUUID();
  // What our proxies say (TRUSTED_PROXIES), never what the client wrote: the audit log's address.
  const ip = clientAddress(incoming.headers.get("x-forwarded-for"), undefined, env.TRUSTED_PROXIES);

  // CSRF and body-size guards run before the session is read or any procedure runs: a refused
  // request changes nothing and writes no audit entry (packages/api/src/http-guards.ts).
  const guard = await guardTrpcRequest(incoming, {
    allowedOrigins: ALLOWED_ORIGINS,
    headers: { "x-request-id": requestId },
  });
  if (!guard.ok) {
    const path = new URL(incoming.url).pathname;
    if (guard.refusal === "csrf") {
      metrics.trpcErrors.inc({ path: "(csrf)", code: "FORBIDDEN" });
      logger.warn(
        {
          "http.request.id": requestId,
          "http.request.method": incoming.method,
          "url.path": path,
          "client.address": ip,
          "csrf.reason": guard.verdict.reason,
          "csrf.seen": guard.verdict.seen,
          "csrf.expected": ALLOWED_ORIGINS[0],
        },
        "tRPC request refused: not from the console's origin (CSRF)",
      );
    } else {
      metrics.trpcErrors.inc({ path: "(body-limit)", code: "PAYLOAD_TOO_LARGE" });
      logger.warn(
        {
          "http.request.id": requestId,
          "url.path": path,
          "client.address": ip,
          "http.request.body.limit": guard.maxBytes,
        },
        "tRPC request refused: body too large",
      );
    }
    metrics.observeHttp("trpc", guard.response.status, (performance.now() - started) / 1000);
    return guard.response;
  }

  const req = guard.req;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      user: await currentStaff(),
      requestId,
      ip,
      services: apiServices,
    }),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
    onError({ error, path }) {
      metrics.trpcErrors.inc({ path: path ?? "unknown", code: error.code });
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error(
          { err: error.cause ?? error, "http.request.id": requestId, "trpc.path": path },
          "tRPC procedure failed",
        );
      }
    },
  });
  metrics.observeHttp("trpc", res.status, (performance.now() - started) / 1000);
  return res;
}

export { handler as GET, handler as POST };
