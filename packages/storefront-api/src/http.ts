import { createHash } from "node:crypto";
import { BodyTooLargeError, readBodyCapped } from "@icp/domain";
import type { z } from "zod";
import { problem } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

/** Read a JSON body with a hard size cap, refusing wrong media types and malformed JSON. */
export async function readJson(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(json|[\w.+-]+\+json)\s*(;|$)/i.test(type)) {
    throw problem("unsupported-media-type", "Send the body as application/json.");
  }
  const text = await readCapped(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw problem("malformed-json", (e as Error).message);
  }
}

/** Read a form-encoded body (OAuth2 token requests) with the same cap. */
export async function readForm(req: Request, maxBytes = 8 * 1024): Promise<Record<string, string>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw problem(
      "unsupported-media-type",
      "Token requests are application/x-www-form-urlencoded (RFC 6749 §4.4.2).",
    );
  }
  return Object.fromEntries(new URLSearchParams(await readCapped(req, maxBytes)));
}

async function readCapped(req: Request, maxBytes: number): Promise<string> {
  try {
    const body = await readBodyCapped(req, maxBytes);
    return body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8") : "";
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw tooLarge(maxBytes);
    throw e;
  }
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
