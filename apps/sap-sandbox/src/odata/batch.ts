import { randomBytes } from "node:crypto";
import { SapErrors } from "./errors";

/** One operation inside a `$batch` request. */
export interface BatchOperation {
  method: string;
  /** Relative URL as written in the part, e.g. `A_Product('TG11')?$select=Product`. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type BatchPart =
  | { kind: "operation"; op: BatchOperation }
  | { kind: "changeset"; ops: BatchOperation[] };

export interface BatchResult {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

function boundaryOf(contentType: string | undefined): string {
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType ?? "");
  if (!m?.[2]) throw SapErrors.badPayload("multipart/mixed body without boundary");
  return m[2];
}

function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter);
  // first chunk is the preamble; the last starts with "--" (close delimiter)
  return chunks
    .slice(1)
    .filter((c) => !c.startsWith("--"))
    .map((c) => c.replace(/^\r?\n/, "").replace(/\r?\n$/, ""));
}

function splitHeaders(text: string): { headers: Record<string, string>; rest: string } {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const rest = m ? text.slice(m.index + m[0].length) : "";
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, rest };
}

function parseOperation(text: string): BatchOperation {
  const { rest } = splitHeaders(text); // MIME part headers (application/http)
  const lineEnd = rest.search(/\r?\n/);
  const requestLine = lineEnd >= 0 ? rest.slice(0, lineEnd) : rest;
  const m = /^([A-Z]+)\s+(\S+)(\s+HTTP\/1\.[01])?$/.exec(requestLine.trim());
  if (!m?.[1] || !m[2]) throw SapErrors.badPayload(`Invalid request line in batch part: '${requestLine}'`);
  const inner = splitHeaders(lineEnd >= 0 ? rest.slice(lineEnd).replace(/^\r?\n/, "") : "");
  return { method: m[1], url: m[2], headers: inner.headers, body: inner.rest.trim() };
}

export function parseBatch(body: string, contentType: string | undefined): BatchPart[] {
  return splitParts(body, boundaryOf(contentType)).map((part) => {
    const { headers, rest } = splitHeaders(part);
    const ct = headers["content-type"] ?? "";
    if (ct.startsWith("multipart/mixed")) {
      return { kind: "changeset", ops: splitParts(rest, boundaryOf(ct)).map(parseOperation) };
    }
    return { kind: "operation", op: parseOperation(part) };
  });
}

function httpPart(r: BatchResult): string {
  const headerLines = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
  const payload = [
    `HTTP/1.1 ${r.status} ${r.statusText}`,
    ...headerLines,
    `Content-Length: ${Buffer.byteLength(r.body)}`,
    "",
    r.body,
  ].join("\r\n");
  return ["Content-Type: application/http", "Content-Transfer-Encoding: binary", "", payload].join("\r\n");
}

/** Serialises batch results; returns the body and its content type. */
export function serializeBatch(results: (BatchResult | BatchResult[])[]): {
  body: string;
  contentType: string;
} {
  const boundary = `batch_${randomBytes(8).toString("hex")}`;
  const parts = results.map((r) => {
    if (!Array.isArray(r)) return httpPart(r);
    const cs = `changeset_${randomBytes(8).toString("hex")}`;
    const inner = `${r.map((x) => `--${cs}\r\n${httpPart(x)}`).join("\r\n")}\r\n--${cs}--`;
    return `Content-Type: multipart/mixed; boundary=${cs}\r\n\r\n${inner}`;
  });
  const body = `${parts.map((p) => `--${boundary}\r\n${p}`).join("\r\n")}\r\n--${boundary}--\r\n`;
  return { body, contentType: `multipart/mixed; boundary=${boundary}` };
}
