/**
 * Reading a request body with a hard size cap, for every HTTP surface (the console's tRPC
 * endpoint, the storefront API): `Content-Length` is checked before reading, and the bytes are
 * counted while reading, so a chunked or lying body is cut off at the limit.
 */

interface HeaderSource {
  get(name: string): string | null;
}

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body may be at most ${maxBytes} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/** `Content-Length` says more than `maxBytes` (an absent or malformed header says nothing). */
export function declaresTooLarge(headers: HeaderSource, maxBytes: number): boolean {
  const raw = headers.get("content-length");
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return false;
  return Number(raw) > maxBytes;
}

/** The whole body, refusing once more than `maxBytes` arrived (whatever Content-Length claimed). */
export async function readBodyCapped(
  req: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaresTooLarge(req.headers, maxBytes)) throw new BodyTooLargeError(maxBytes);
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
