import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FaultDecision, FaultInjector } from "../http/faults";
import type { RequestLog } from "../http/request-log";
import { MODIFYING, ODATA_PREFIX, sendSapError } from "../http/sap-reply";
import { SapError } from "../odata/errors";
import type { Clock } from "../simulation/clock";
import type { SandboxStats } from "../stats";
import type { ODataCall, ODataService } from "./odata-service";

export interface ODataGatewayDeps {
  odata: ODataService;
  faults: FaultInjector;
  stats: SandboxStats;
  requestLog: RequestLog;
  /** SAP's clock: request log entries are stamped with it. */
  sapClock: Clock;
}

export interface ODataGateway {
  /** Lets requests held by a timeout fault go (their sockets are then destroyed). */
  releaseHungRequests(): void;
}

/** What an injected fault made of a request: the status to record and what the handler returns. */
interface FaultOutcome {
  status: number;
  result: FastifyReply | undefined;
}

/** Mounts every OData service under /sap/opu/odata/sap/, behind the injected faults. */
export function registerODataGateway(app: FastifyInstance, deps: ODataGatewayDeps): ODataGateway {
  const gateway = new FaultyGateway(deps);
  app.route({
    method: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "MERGE"],
    url: `${ODATA_PREFIX}*`,
    handler: (req, reply) => gateway.handle(req, reply),
  });
  return gateway;
}

/**
 * The network and gateway in front of SAP: faults apply first (concurrency cap, latency,
 * outage, errors, rate limits, timeouts, lost responses), then the request reaches SAP.
 */
class FaultyGateway implements ODataGateway {
  private readonly hanging = new Set<() => void>();
  /** Requests admitted past the concurrency fault (rejected ones do not hold a slot). */
  private admitted = 0;

  constructor(private readonly deps: ODataGatewayDeps) {}

  releaseHungRequests(): void {
    for (const done of this.hanging) done();
  }

  async handle(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const { faults, stats } = this.deps;
    const call = parseCall(req);
    stats.enter();
    let status = 0;
    let holdsSlot = false;
    try {
      if (faults.applies({ service: call.service, method: call.method, path: call.resourcePath })) {
        const f = faults.get();
        if (f.maxConcurrency !== undefined && this.admitted >= f.maxConcurrency) {
          stats.fault("concurrency");
          status = 503;
          return sendSapError(
            reply,
            new SapError(503, "/IWFND/CM_BEC/026", "Too many concurrent requests; try again later", [], {
              "retry-after": "1",
            }),
            call.service,
          );
        }
        this.admitted++;
        stats.admitted(this.admitted);
        holdsSlot = true;
        const delay = faults.latency();
        if (delay > 0) await sleep(delay);
        const decision = faults.decide(MODIFYING.has(call.method));
        if (decision.kind !== "none") stats.fault(decision.kind);
        const outcome = await this.inject(decision, req, reply, call);
        if (outcome) {
          status = outcome.status;
          return outcome.result;
        }
      }
      status = (await this.deps.odata.serve(req, reply, call, false)) ?? 0;
      return reply;
    } finally {
      if (holdsSlot) this.admitted--;
      stats.leave();
      this.record(req, call, status || reply.statusCode);
    }
  }

  /** Plays out a fault decision; undefined when the request goes on to SAP. */
  private async inject(
    decision: FaultDecision,
    req: FastifyRequest,
    reply: FastifyReply,
    call: ODataCall,
  ): Promise<FaultOutcome | undefined> {
    switch (decision.kind) {
      case "outage":
        return {
          status: 503,
          result: reply
            .code(503)
            .type("text/html")
            .send(
              "<html><body><h1>503 Service Unavailable</h1><p>SAP system is not available</p></body></html>",
            ),
        };
      case "error":
        return {
          status: decision.status,
          result: sendSapError(
            reply,
            new SapError(decision.status, "/IWFND/CM_BEC/026", `Injected fault: HTTP ${decision.status}`),
            call.service,
          ),
        };
      case "rateLimited":
        return {
          status: 429,
          result: sendSapError(
            reply,
            new SapError(429, "/IWFND/CM_BEC/026", "Rate limit exceeded", [], {
              "retry-after": String(decision.retryAfterSeconds),
            }),
            call.service,
          ),
        };
      case "timeout": {
        reply.hijack();
        await new Promise<void>((done) => {
          this.hanging.add(done);
          req.raw.socket.once("close", () => done());
        });
        req.raw.socket.destroy();
        return { status: 0, result: undefined };
      }
      case "lostResponse": {
        const res = await this.deps.odata.serve(req, reply, call, true);
        reply.hijack();
        req.raw.socket.destroy();
        return { status: res ?? 0, result: undefined };
      }
      case "lateCommit": {
        // no answer until the caller gives up; SAP's work process goes on and commits later
        reply.hijack();
        await new Promise<void>((done) => {
          this.hanging.add(done);
          req.raw.socket.once("close", () => done());
        });
        req.raw.socket.destroy();
        await sleep(decision.afterMs);
        const res = await this.deps.odata.serve(req, reply, call, true);
        return { status: res ?? 0, result: undefined };
      }
      case "locked":
        return {
          status: 400,
          result: sendSapError(reply, lockedError(call.resourcePath), call.service),
        };
      default:
        return undefined;
    }
  }

  private record(req: FastifyRequest, call: ODataCall, status: number): void {
    this.deps.stats.record(call.service, status);
    this.deps.requestLog.add({
      at: new Date(this.deps.sapClock.now()).toISOString(),
      method: call.method,
      service: call.service,
      path: call.resourcePath,
      status,
      traceparent: typeof req.headers.traceparent === "string" ? req.headers.traceparent : null,
    });
  }
}

/** The user the lock fault says holds the document (SAP names the user in the message). */
export const LOCKING_USER = "CB9980000099";

/**
 * SD's lock message: V1/042 "Sales document &1 is currently being processed by user &2". The
 * document number comes from the path when it names one.
 */
function lockedError(path: string): SapError {
  const doc = /SalesOrder='(\d+)'|A_SalesOrder\('(\d+)'\)/.exec(path);
  const number = (doc?.[1] ?? doc?.[2] ?? "").padStart(10, "0");
  return new SapError(
    400,
    "V1/042",
    `Sales document ${doc ? number : ""} is currently being processed by user ${LOCKING_USER}`.replace(
      "  ",
      " ",
    ),
  );
}

/** Service, resource path, query and the method meant (X-HTTP-Method on a POST) from the URL. */
function parseCall(req: FastifyRequest): ODataCall {
  const [pathPart = "", qs = ""] = req.url.split("?", 2);
  const rest = pathPart.slice(ODATA_PREFIX.length);
  const slash = rest.indexOf("/");
  return {
    service: decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash)),
    resourcePath: slash < 0 ? "" : decodeURIComponent(rest.slice(slash + 1)),
    query: Object.fromEntries(new URLSearchParams(qs)),
    method:
      req.method === "POST" && typeof req.headers["x-http-method"] === "string"
        ? req.headers["x-http-method"].toUpperCase()
        : req.method,
  };
}
