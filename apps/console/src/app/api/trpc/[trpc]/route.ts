import { randomUUID } from "node:crypto";
import { appRouter } from "@icp/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentStaff } from "~/server/auth";
import { logger } from "~/server/logger";
import { metrics } from "~/server/metrics";
import { apiServices } from "~/server/services";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const started = performance.now();
  const requestId = req.headers.get("x-request-id") ?? randomUUID();
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      user: await currentStaff(),
      requestId,
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? undefined,
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
