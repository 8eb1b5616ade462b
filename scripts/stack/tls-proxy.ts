/**
 * Local HTTPS for the console (`make up HTTPS=1`): TLS terminates here, as it does at the
 * ingress in Kubernetes, and requests go on to the console over loopback HTTP with the
 * X-Forwarded-* headers an ingress sets. The certificate is a self-signed one the bring-up
 * script makes with openssl under .local/tls (scripts/stack/dev-cert.sh); nothing here is for
 * production, where cert-manager issues the ingress certificate.
 *
 *   TLS_PROXY_PORT=3443 UPSTREAM=http://127.0.0.1:3000 TLS_CERT=… TLS_KEY=… tsx scripts/stack/tls-proxy.ts
 */
import { readFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { createServer, type Server } from "node:https";
import { pathToFileURL } from "node:url";

export interface TlsProxyOptions {
  port: number;
  host?: string;
  upstream: string;
  cert: string | Buffer;
  key: string | Buffer;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

function forwardedHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) out[k] = v;
  const client = req.socket.remoteAddress ?? "";
  const prior = req.headers["x-forwarded-for"];
  out["x-forwarded-for"] = prior ? `${prior}, ${client}` : client;
  out["x-forwarded-proto"] = "https";
  if (req.headers.host) out["x-forwarded-host"] = req.headers.host;
  return out;
}

export async function startTlsProxy(opts: TlsProxyOptions): Promise<Server> {
  const upstream = new URL(opts.upstream);
  const server = createServer({ cert: opts.cert, key: opts.key }, (req, res) => {
    const proxied = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port || 80,
        method: req.method,
        path: req.url,
        headers: forwardedHeaders(req),
      },
      (up) => {
        const headers: OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(up.headers))
          if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v;
        res.writeHead(up.statusCode ?? 502, up.statusMessage, headers);
        up.pipe(res);
      },
    );
    proxied.on("error", (err) => {
      if (res.headersSent) return res.destroy(err);
      res.writeHead(502, { "content-type": "application/problem+json" });
      res.end(
        JSON.stringify({
          type: "about:blank",
          title: "Bad Gateway",
          status: 502,
          detail: `The console at ${upstream.origin} did not answer.`,
        }),
      );
    });
    req.pipe(proxied);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const need = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is required`);
    return v;
  };
  const port = Number(process.env.TLS_PROXY_PORT ?? 3443);
  const server = await startTlsProxy({
    port,
    upstream: process.env.UPSTREAM ?? "http://127.0.0.1:3000",
    cert: readFileSync(need("TLS_CERT")),
    key: readFileSync(need("TLS_KEY")),
  });
  console.log(JSON.stringify({ level: "info", message: `HTTPS on https://127.0.0.1:${port}` }));
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.on(signal, () => server.close(() => process.exit(0)));
}
