import type { FastifyReply } from "fastify";
import { AtomTypes, errorToXml, formatOf } from "../odata/atom";
import { type SapError, sapErrorBody } from "../odata/errors";
import type { ODataResponse } from "../odata/handler";

export const ODATA_PREFIX = "/sap/opu/odata/sap/";
export const MODIFYING = new Set(["POST", "PUT", "PATCH", "MERGE", "DELETE"]);
export const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  412: "Precondition Failed",
  428: "Precondition Required",
  500: "Internal Server Error",
};

/** The OData service a URL addresses ("" outside the OData prefix). */
export function serviceOf(url: string): string {
  if (!url.startsWith(ODATA_PREFIX)) return "";
  return url.slice(ODATA_PREFIX.length).split(/[/?]/)[0] ?? "";
}

/** `$format` of a request URL, if it names one. */
export function formatParam(url: string): string | undefined {
  const qs = url.split("?", 2)[1];
  return qs === undefined ? undefined : (new URLSearchParams(qs).get("$format") ?? undefined);
}

/**
 * An error as SAP Gateway answers it: its error body with the service's namespace, in JSON when
 * the request asked for JSON and in XML otherwise.
 */
export function sendSapError(reply: FastifyReply, err: SapError, service: string): FastifyReply {
  const body = sapErrorBody(err, service);
  const json = formatOf(reply.request.headers.accept, formatParam(reply.request.url)) === "json";
  return reply
    .code(err.status)
    .headers({
      "content-type": json ? "application/json; charset=utf-8" : AtomTypes.xml,
      dataserviceversion: "1.0",
      ...err.headers,
    })
    .send(json ? JSON.stringify(body) : errorToXml(body));
}

/** An OData handler's answer on the wire (no body for 204 and HEAD). */
export function sendODataResponse(reply: FastifyReply, res: ODataResponse, method: string): FastifyReply {
  reply.code(res.status).headers({ dataserviceversion: "2.0", ...res.headers });
  if (res.status === 204 || method === "HEAD") return reply.send();
  if (res.text !== undefined) return reply.type(res.headers["content-type"] ?? "text/plain").send(res.text);
  if (res.bytes !== undefined)
    return reply.type(res.headers["content-type"] ?? "application/octet-stream").send(res.bytes);
  return reply.type("application/json; charset=utf-8").send(JSON.stringify(res.body));
}
