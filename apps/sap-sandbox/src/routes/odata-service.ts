import type { FastifyReply, FastifyRequest } from "fastify";
import { parseCookies, type SapSecurity } from "../http/auth";
import { MODIFYING, ODATA_PREFIX, STATUS_TEXT, sendODataResponse, sendSapError } from "../http/sap-reply";
import type { ServiceModel } from "../model/model";
import { type BatchOperation, type BatchResult, parseBatch, serializeBatch } from "../odata/batch";
import { SapError, SapErrors, sapErrorBody } from "../odata/errors";
import type { ODataHandler, ODataRequest } from "../odata/handler";
import type { Clock } from "../simulation/clock";
import type { SandboxStats } from "../stats";

export interface ODataServiceDeps {
  models: Map<string, ServiceModel>;
  /** Each service's EDMX, served as its $metadata. */
  xml: Map<string, Buffer>;
  handler: ODataHandler;
  security: SapSecurity;
  stats: SandboxStats;
  /** Tokens and sessions age on the real clock, not SAP's skewed one. */
  realClock: Clock;
  systemId: string;
  /** Known once the server listens. */
  baseUrl: () => string;
}

/** One OData call as the gateway route parsed it from the URL. */
export interface ODataCall {
  service: string;
  resourcePath: string;
  query: Record<string, string>;
  /** The method meant (X-HTTP-Method tunnels MERGE and friends through POST). */
  method: string;
}

/** The SAP system behind the gateway: logon, CSRF, then the service document, $metadata, $batch or the OData request. */
export class ODataService {
  constructor(private readonly deps: ODataServiceDeps) {}

  /** Answers `call`; when `silent` nothing is sent (the response is lost) but the status is still returned. */
  async serve(
    req: FastifyRequest,
    reply: FastifyReply,
    call: ODataCall,
    silent: boolean,
  ): Promise<number | undefined> {
    const refused = this.logon(req, reply, call, silent);
    if (refused !== undefined) return refused;
    return this.dispatch(req, reply, call, silent);
  }

  /** Client, credentials, session cookie and CSRF token: the status it refused with, if it did. */
  private logon(
    req: FastifyRequest,
    reply: FastifyReply,
    call: ODataCall,
    silent: boolean,
  ): number | undefined {
    const { security, systemId, realClock } = this.deps;
    const client = call.query["sap-client"] ?? "100";
    const realm = `Basic realm="SAP NetWeaver Application Server [${systemId}/${client}]"`;
    if (!security.options.clients.includes(client)) {
      if (!silent)
        reply
          .code(401)
          .header("www-authenticate", realm)
          .type("text/plain")
          .send(`Logon failed: client ${client} is not available in this system`);
      return 401;
    }
    if (!security.authenticate(req.headers.authorization, realClock.now())) {
      if (!silent)
        reply
          .code(401)
          .header("www-authenticate", realm)
          .type("text/html")
          .send(
            "<html><head><title>Logon Error Message</title></head><body>Anmeldung fehlgeschlagen / Logon failed</body></html>",
          );
      return 401;
    }
    const cookieName = security.sessionCookieName(client);
    const cookies = parseCookies(req.headers.cookie);
    const session = security.session(cookies[cookieName], client);
    if (session.created && !silent) {
      reply.header("set-cookie", [
        `${cookieName}=${encodeURIComponent(session.id)}; path=/; HttpOnly`,
        `sap-usercontext=sap-client=${client}; path=/`,
      ]);
    }
    const csrfHeader = req.headers["x-csrf-token"];
    if (
      (call.method === "GET" || call.method === "HEAD") &&
      typeof csrfHeader === "string" &&
      csrfHeader.toLowerCase() === "fetch"
    ) {
      reply.header("x-csrf-token", security.fetchCsrf(session.id));
    }
    if (
      MODIFYING.has(req.method) &&
      !security.csrfValid(
        session.created ? undefined : session.id,
        typeof csrfHeader === "string" ? csrfHeader : undefined,
      )
    ) {
      if (!silent)
        reply
          .code(403)
          .header("x-csrf-token", "Required")
          .type("text/plain")
          .send("CSRF token validation failed");
      return 403;
    }
    return undefined;
  }

  private dispatch(req: FastifyRequest, reply: FastifyReply, call: ODataCall, silent: boolean): number {
    const { models, xml, handler, stats } = this.deps;
    const { service, resourcePath, query, method } = call;
    const fail = (err: SapError) => {
      if (!silent) sendSapError(reply, err, service);
      return err.status;
    };
    const serviceRoot = `${this.deps.baseUrl()}${ODATA_PREFIX}${service}/`;
    if (!models.has(service)) return fail(SapErrors.resourceNotFound(service));
    try {
      if (resourcePath === "" || resourcePath === "/") {
        const names = [...(models.get(service)?.entitySets.keys() ?? [])];
        if (!silent)
          sendODataResponse(reply, { status: 200, headers: {}, body: { d: { EntitySets: names } } }, method);
        return 200;
      }
      if (resourcePath === "$metadata") {
        if (!silent)
          reply
            .code(200)
            .header("content-type", "application/xml")
            .header("dataserviceversion", "2.0")
            .send(xml.get(service));
        return 200;
      }
      if (resourcePath === "$batch") {
        if (req.method !== "POST") return fail(SapErrors.methodNotAllowed("$batch requires POST"));
        const { body, contentType } = this.runBatch(req, service, serviceRoot);
        if (!silent)
          reply.code(202).header("content-type", contentType).header("dataserviceversion", "2.0").send(body);
        return 202;
      }
      const res = handler.handle({
        method: req.method,
        service,
        path: resourcePath,
        query,
        headers: req.headers as Record<string, string | undefined>,
        body: req.body,
        serviceRoot,
      });
      if (res.status === 201) stats.ordersCreated++;
      if (!silent) sendODataResponse(reply, res, method);
      return res.status;
    } catch (err) {
      if (err instanceof SapError) return fail(err);
      throw err;
    }
  }

  private runBatch(req: FastifyRequest, service: string, serviceRoot: string) {
    const parts = parseBatch(String(req.body ?? ""), req.headers["content-type"]);
    const results = parts.map((p) => {
      if (p.kind === "operation") return this.runOperation(service, p.op, serviceRoot, req);
      const out: BatchResult[] = [];
      for (const op of p.ops) {
        const r = this.runOperation(service, op, serviceRoot, req);
        if (r.status >= 400) return r; // a failed changeset answers with its error alone
        out.push(r);
      }
      return out;
    });
    return serializeBatch(results);
  }

  private runOperation(
    service: string,
    op: BatchOperation,
    serviceRoot: string,
    base: FastifyRequest,
  ): BatchResult {
    const [path = "", qs = ""] = op.url.replace(serviceRoot, "").replace(/^\//, "").split("?", 2);
    try {
      let body: unknown;
      try {
        body = op.body ? JSON.parse(op.body) : undefined;
      } catch {
        throw SapErrors.badPayload("Malformed JSON in batch operation body");
      }
      const req: ODataRequest = {
        method: op.method,
        service,
        path: decodeURIComponent(path),
        query: Object.fromEntries(new URLSearchParams(qs)),
        headers: { ...(base.headers as Record<string, string>), ...op.headers },
        body,
        serviceRoot,
      };
      const res = this.deps.handler.handle(req);
      const text = res.text ?? (res.body === undefined ? "" : JSON.stringify(res.body));
      const headers: Record<string, string> = { ...res.headers };
      if (text && !headers["content-type"]) headers["content-type"] = "application/json";
      if (res.status === 201) this.deps.stats.ordersCreated++;
      return { status: res.status, statusText: STATUS_TEXT[res.status] ?? "", headers, body: text };
    } catch (err) {
      const e = err instanceof SapError ? err : new SapError(500, "/IWBEP/CM_MGW_RT/000", String(err));
      return {
        status: e.status,
        statusText: STATUS_TEXT[e.status] ?? "",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(sapErrorBody(e, service)),
      };
    }
  }
}
