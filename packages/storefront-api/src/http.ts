import { BodyTooLargeError, readBodyCapped } from "@icp/domain";
import type { z } from "zod";
import { ProblemError, ProblemTypes } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

/** Read a JSON body with a hard size cap, refusing wrong media types and malformed JSON. */
export async function readJson(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(json|[\w.+-]+\+json)\s*(;|$)/i.test(type)) {
    throw new ProblemError(
      415,
      ProblemTypes.unsupportedMediaType,
      "Unsupported media type",
      "Send the body as application/json.",
    );
  }
  const text = await readCapped(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProblemError(400, ProblemTypes.malformedJson, "Malformed JSON", (e as Error).message);
  }
}

/** Read a form-encoded body (OAuth2 token requests) with the same cap. */
export async function readForm(req: Request, maxBytes = 8 * 1024): Promise<Record<string, string>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new ProblemError(
      415,
      ProblemTypes.unsupportedMediaType,
      "Unsupported media type",
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
  return new ProblemError(
    413,
    ProblemTypes.payloadTooLarge,
    "Payload too large",
    `The body may be at most ${maxBytes} bytes.`,
  );
}

/** Validate with a zod schema; failures become one 400 problem listing every field. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: "body" | "query" = "body",
): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({
    pointer: where === "body" ? `/${i.path.map(String).join("/")}` : `?${i.path.map(String).join(".")}`,
    detail: i.message,
  }));
  throw new ProblemError(
    400,
    ProblemTypes.validation,
    "Invalid request",
    errors.map((e) => `${e.pointer}: ${e.detail}`).join("; "),
    { errors },
  );
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
