import { createHash } from "node:crypto";
import { declaresTooLarge } from "@icp/domain";
import type { z } from "zod";
import { problem } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;
/** How long a request body may take to arrive, by default (ms); past it, 408. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/**
 * The client went away before its request was read (closed the connection, reset it): a
 * client event, not a fault of ours. The router logs it at info and answers nobody.
 */
export class ClientClosedError extends Error {
  constructor() {
    super("the client closed the connection before its request was read");
    this.name = "ClientClosedError";
  }
}

/** Read a JSON body with a hard size cap, refusing wrong media types and malformed JSON. */
export async function readJson(
  req: Request,
  maxBytes = MAX_BODY_BYTES,
  timeoutMs = DEFAULT_BODY_TIMEOUT_MS,
): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(json|[\w.+-]+\+json)\s*(;|$)/i.test(type)) {
    throw problem("unsupported-media-type", "Send the body as application/json.");
  }
  const text = await readCapped(req, maxBytes, timeoutMs);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw problem("malformed-json", (e as Error).message);
  }
}

/** Read a form-encoded body (OAuth2 token requests) with the same cap. */
export async function readForm(
  req: Request,
  maxBytes = 8 * 1024,
  timeoutMs = DEFAULT_BODY_TIMEOUT_MS,
): Promise<Record<string, string>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw problem(
      "unsupported-media-type",
      "Token requests are application/x-www-form-urlencoded (RFC 6749 §4.4.2).",
    );
  }
  return Object.fromEntries(new URLSearchParams(await readCapped(req, maxBytes, timeoutMs)));
}

/**
 * The body as text: at most `maxBytes` (413 past it, declared or counted), all of it within
 * `timeoutMs` of the start (408 past it, the stream cancelled: a body trickled in a byte every
 * few seconds holds nothing for long), or ClientClosedError when the client hangs up.
 */
async function readCapped(req: Request, maxBytes: number, timeoutMs: number): Promise<string> {
  if (declaresTooLarge(req.headers, maxBytes)) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(problem("request-timeout", `The body must arrive within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]).catch((e: unknown) => {
        if (e instanceof Error && e.name === "ProblemError") throw e;
        throw new ClientClosedError();
      });
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(Buffer.from(value));
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number) {
  return problem("payload-too-large", `The body may be at most ${maxBytes} bytes.`);
}

const POINTERS = {
  body: (path: string[]) => `/${path.join("/")}`,
  query: (path: string[]) => `?${path.join(".")}`,
  path: (path: string[]) => `{${path.join(".")}}`,
};

/** Validate with a zod schema; failures become one 400 problem listing every field. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: keyof typeof POINTERS = "body",
): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({
    pointer: POINTERS[where](i.path.map(String)),
    detail: i.message,
  }));
  throw problem("validation", errors.map((e) => `${e.pointer}: ${e.detail}`).join("; "), {
    extra: { errors },
  });
}

export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...init.headers },
  });
}

/**
 * A cacheable 200 with a weak ETag of its body, or a 304 when the client's If-None-Match
 * already names it.
 */
export function withEtag(req: Request, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const h = { ...headers, ETag: etag, "Cache-Control": "private, max-age=0, must-revalidate" };
  const inm = req.headers.get("if-none-match");
  if (
    inm
      ?.split(",")
      .map((s) => s.trim())
      .includes(etag)
  )
    return new Response(null, { status: 304, headers: h });
  return new Response(text, { status: 200, headers: { "content-type": "application/json", ...h } });
}
