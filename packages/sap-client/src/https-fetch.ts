import { Agent, request } from "node:https";

/** The part of `fetch` the transport uses. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    redirect?: "manual";
  },
) => Promise<Response>;

/** TLS settings of the connection to SAP: a client certificate and/or the CAs to trust. */
export interface SapTls {
  /** PEM client certificate (with its chain, leaf first) presented to SAP. */
  cert?: string;
  /** PEM private key of the client certificate. */
  key?: string;
  /** Passphrase of an encrypted key. */
  passphrase?: string;
  /** PEM bundle of the CAs that sign SAP's server certificate; replaces the system's CAs. */
  ca?: string;
}

/** Statuses whose response has no body by definition (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` over node:https with a client certificate and/or a CA bundle (Node's global fetch
 * takes no TLS options, and undici is not a dependency of ours): one keep-alive Agent, so the
 * TLS handshake with the certificate happens once per connection, not per call. Redirects are
 * never followed (the transport sends `redirect: "manual"`); the body is read whole.
 */
export function httpsFetch(tls: SapTls, maxSockets: number): { fetch: FetchLike; close(): void } {
  const agent = new Agent({
    keepAlive: true,
    maxSockets,
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.passphrase ? { passphrase: tls.passphrase } : {}),
    ...(tls.ca ? { ca: tls.ca } : {}),
  });
  const fetch: FetchLike = (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== "https:") {
        reject(
          new Error(`TLS settings (client certificate, CA bundle) need an https URL, not ${target.origin}`),
        );
        return;
      }
      const req = request(
        target,
        {
          method: init.method,
          headers: init.headers,
          agent,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const headers = new Headers();
            for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
              headers.append(res.rawHeaders[i] ?? "", res.rawHeaders[i + 1] ?? "");
            const status = res.statusCode ?? 502;
            resolve(
              new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage ?? "",
                headers,
              }),
            );
          });
        },
      );
      req.on("error", reject);
      req.end(init.body);
    });
  return { fetch, close: () => agent.destroy() };
}
