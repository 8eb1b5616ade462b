import { randomUUID } from "node:crypto";
import { SapError } from "./errors";
import type { SapTransport } from "./transport";

export interface BatchPartResult {
  status: number;
  body: unknown;
}

/**
 * Several reads in one round trip (OData V2 `$batch`, multipart/mixed). Each part answers on
 * its own: a 404 in one part does not fail the others. The batch itself is a POST, so it
 * carries a CSRF token, and it is marked idempotent because it only reads.
 */
export async function batchGet(
  t: SapTransport,
  service: string,
  paths: string[],
): Promise<BatchPartResult[]> {
  if (paths.length === 0) return [];
  const boundary = `batch_${randomUUID()}`;
  const body = `${paths
    .map(
      (p) =>
        `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET ${p} HTTP/1.1\r\nAccept: application/json\r\n\r\n`,
    )
    .join("\r\n")}\r\n--${boundary}--\r\n`;
  const res = await t.request({
    service,
    method: "POST",
    path: "$batch",
    rawBody: body,
    headers: { "content-type": `multipart/mixed; boundary=${boundary}` },
    idempotent: true,
  });
  const answer = /boundary=([^;\s]+)/.exec(res.headers.get("content-type") ?? "")?.[1];
  if (!answer)
    throw new SapError({
      code: "SAP_PROTOCOL",
      message: "$batch answer is not multipart/mixed",
      retryable: false,
      httpStatus: res.status,
    });
  return parseBatchResponse(res.text, answer);
}

export function parseBatchResponse(text: string, boundary: string): BatchPartResult[] {
  const out: BatchPartResult[] = [];
  for (const part of text.split(`--${boundary}`)) {
    const m = /HTTP\/1\.1 (\d{3})[^\r\n]*\r?\n([\s\S]*?)\r?\n\r?\n([\s\S]*)$/.exec(part);
    if (!m) continue;
    const raw = (m[3] ?? "").trim();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // a non-JSON part (e.g. an empty 204) keeps its text
    }
    out.push({ status: Number(m[1]), body });
  }
  return out;
}
