import { createLogger } from "@icp/observability";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { SapError, SapErrors } from "../odata/errors";
import type { Clock } from "../simulation/clock";
import { sendSapError, serviceOf } from "./sap-reply";

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

/**
 * The HTTP server in front of the sandbox, speaking like SAP Gateway: MERGE as a method, JSON
 * bodies parsed leniently (empty is no body), batches and form posts as text, and every error
 * answered with SAP's error body.
 */
export function createHttpServer(logLevel: LogLevel = "info"): FastifyInstance {
  // Request logs as ECS records (service.name sap-sandbox), like every other line it writes
  // ("silent" is a pino level too).
  const loggerInstance: FastifyBaseLogger = createLogger({ service: "sap-sandbox", level: logLevel });
  const app = Fastify({
    loggerInstance,
    routerOptions: { maxParamLength: 8192 },
    bodyLimit: 16 * 1024 * 1024,
  });
  app.addHttpMethod("MERGE", { hasBody: true });
  registerBodyParsers(app);
  registerSapErrorHandler(app);
  return app;
}

function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(SapErrors.badPayload("Malformed JSON in request body"), undefined);
    }
  });
  app.addContentTypeParser(["multipart/mixed", "text/plain"], { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

function registerSapErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const service = serviceOf(req.url);
    if (err instanceof SapError) return sendSapError(reply, err, service);
    const status =
      typeof (err as { statusCode?: unknown }).statusCode === "number"
        ? (err as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) req.log.error({ err }, "unexpected sandbox error");
    return sendSapError(
      reply,
      new SapError(
        status,
        status >= 500 ? "/IWBEP/CM_MGW_RT/000" : "/IWBEP/CM_MGW_RT/021",
        err instanceof Error ? err.message : "error",
      ),
      service,
    );
  });
}

/**
 * SAP's ICM sends a Date header from the system's clock on every answer (Node would send the
 * real time): clients that take SAP's time from it see the skew like the data's stamps.
 */
export function registerSapDateHeader(app: FastifyInstance, sapClock: Clock): void {
  app.addHook("onRequest", async (_req, reply) => {
    reply.header("date", new Date(sapClock.now()).toUTCString());
  });
}
