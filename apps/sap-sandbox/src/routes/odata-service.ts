import type { FastifyReply, FastifyRequest } from "fastify";
import { parseCookies, type SapSecurity } from "../http/auth";
import { MODIFYING, ODATA_PREFIX, STATUS_TEXT, sendODataResponse, sendSapError } from "../http/sap-reply";
import type { ServiceModel } from "../model/model";
import { AtomTypes, errorToXml, formatOf, toAtom } from "../odata/atom";
import { type BatchOperation, type BatchResult, parseBatch, serializeBatch } from "../odata/batch";
import { SapError, SapErrors, sapErrorBody } from "../odata/errors";
import type { ODataHandler, ODataRequest, ODataResponse } from "../odata/handler";
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
    const client = clientOf(req, call);
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
      const format = formatOf(req.headers.accept, query.$format);
      if (resourcePath === "" || resourcePath === "/") {
        const names = [...(models.get(service)?.entitySets.keys() ?? [])];
        const res = { status: 200, headers: {}, body: { d: { EntitySets: names } } };
        if (!silent) sendODataResponse(reply, this.inFormat(res, format, service, serviceRoot, ""), method);
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
      if (!silent)
        sendODataResponse(reply, this.inFormat(res, format, service, serviceRoot, resourcePath), method);
      return res.status;
    } catch (err) {
      if (err instanceof SapError) return fail(err);
      throw err;
    }
  }

  /** A handler's JSON answer as the request asked for it: unchanged for JSON, else in Atom. */
  private inFormat(
    res: ODataResponse,
    format: "json" | "atom",
    service: string,
    serviceRoot: string,
    path: string,
  ): ODataResponse {
    const model = this.deps.models.get(service);
    if (format === "json" || res.body === undefined || res.text !== undefined || !model) return res;
    const { text, contentType } = toAtom(res.body, model, serviceRoot, path);
    return { status: res.status, headers: { ...res.headers, "content-type": contentType }, text };
  }

  private runBatch(req: FastifyRequest, service: string, serviceRoot: string) {
    const parts = parseBatch(String(req.body ?? ""), req.headers["content-type"]);
    const results = parts.map((p) => {
      if (p.kind === "operation") return this.runOperation(service, p.op, serviceRoot, req);
      // a changeset is one unit of work: if any operation fails, none of them stays, and the
      // changeset answers with that error alone
      return this.deps.handler.store.atomically(
        () => {
          const out: BatchResult[] = [];
          for (const op of p.ops) {
            const r = this.runOperation(service, op, serviceRoot, req);
            if (r.status >= 400) return r;
            out.push(r);
          }
          return out;
        },
        (r) => !Array.isArray(r),
      );
    });
    return serializeBatch(results);
  }

  private runOperation(
    service: string,
    op: BatchOperation,
    serviceRoot: string,
    base: FastifyRequest,
  ): BatchResult {
    const [path = "", qs = ""] = batchPath(op.url, service, serviceRoot).split("?", 2);
    const query = Object.fromEntries(new URLSearchParams(qs));
    // each part asks for its own format; the outer request's Accept is multipart/mixed
    const format = formatOf(op.headers.accept, query.$format);
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
        query,
        headers: { ...(base.headers as Record<string, string>), ...op.headers },
        body,
        serviceRoot,
      };
      const res = this.inFormat(this.deps.handler.handle(req), format, service, serviceRoot, req.path);
      const text = res.text ?? (res.body === undefined ? "" : JSON.stringify(res.body));
      const headers: Record<string, string> = { ...res.headers };
      if (text && !headers["content-type"]) headers["content-type"] = "application/json";
      if (res.status === 201) this.deps.stats.ordersCreated++;
      return { status: res.status, statusText: STATUS_TEXT[res.status] ?? "", headers, body: text };
    } catch (err) {
      const e = err instanceof SapError ? err : new SapError(500, "/IWBEP/CM_MGW_RT/000", String(err));
      const body = sapErrorBody(e, service);
      return {
        status: e.status,
        statusText: STATUS_TEXT[e.status] ?? "",
        headers: { "content-type": format === "json" ? "application/json" : AtomTypes.xml },
        body: format === "json" ? JSON.stringify(body) : errorToXml(body),
      };
    }
  }
}

/**
 * A `$batch` part's URL below the service root. Gateway takes all three forms clients send:
 * relative to the service (`A_Product('1')`, our client's), absolute path from the host
 * (`/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product('1')`, the SAP Cloud SDK's default
 * "relativeToService" form) and a full URL.
 */
export function batchPath(url: string, service: string, serviceRoot: string): string {
  let u = url.startsWith(serviceRoot) ? url.slice(serviceRoot.length) : url;
  u = u.replace(/^https?:\/\/[^/]+/i, "");
  const root = `/sap/opu/odata/sap/${service}`;
  if (u.toLowerCase().startsWith(root.toLowerCase())) u = u.slice(root.length);
  return u.replace(/^\//, "");
}

/**
 * The logon client, where the ICM looks for it: the `sap-client` query parameter, else the
 * `sap-client` header (the SAP Cloud SDK and many proxies send it so), else the client of the
 * `sap-usercontext` cookie, else the system's default client (100).
 */
function clientOf(req: FastifyRequest, call: ODataCall): string {
  const header = req.headers["sap-client"];
  const fromCookie = /(?:^|;\s*)sap-usercontext=sap-client=(\d{3})/.exec(
    String(req.headers.cookie ?? ""),
  )?.[1];
  return (
    call.query["sap-client"] ??
    (typeof header === "string" && header ? header : undefined) ??
    fromCookie ??
    "100"
  );
}
