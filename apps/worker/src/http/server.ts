import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { consumerHeartbeats, type LivenessReport } from "./liveness";

export interface ProbeResult {
  name: string;
  ok: boolean;
  detail?: string;
}

/**
 * The worker's own small HTTP surface: liveness (its Kafka consumers' heartbeats, ./liveness.ts),
 * readiness (every dependency and component must report healthy) and Prometheus metrics. No
 * framework: three routes.
 */
export class WorkerHttpServer {
  private server: Server | undefined;

  constructor(
    private readonly port: number,
    private readonly host: string,
    private readonly probes: () => Promise<ProbeResult[]>,
    private readonly metrics?: () => Promise<{ contentType: string; body: string }>,
    private readonly liveness: () => LivenessReport = () => consumerHeartbeats.report(),
  ) {}

  /** The port it listens on (useful when given 0). */
  boundPort(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.port;
  }

  async listen(): Promise<void> {
    this.server = createServer(async (req, res) => {
      try {
        if (req.url === "/health/live") {
          const live = this.liveness();
          res
            .writeHead(live.ok ? 200 : 503, { "content-type": "application/json" })
            .end(JSON.stringify({ status: live.ok ? "live" : "stale", ...live }));
        } else if (req.url === "/health/ready") {
          const checks = await this.probes();
          const ok = checks.every((c) => c.ok);
          res
            .writeHead(ok ? 200 : 503, { "content-type": "application/json" })
            .end(JSON.stringify({ status: ok ? "ready" : "not-ready", checks }));
        } else if (req.url === "/metrics" && this.metrics) {
          const m = await this.metrics();
          res.writeHead(200, { "content-type": m.contentType }).end(m.body);
        } else {
          res
            .writeHead(404, { "content-type": "application/problem+json" })
            .end(JSON.stringify({ type: "about:blank", title: "Not Found", status: 404 }));
        }
      } catch (err) {
        res.writeHead(500, { "content-type": "application/problem+json" }).end(
          JSON.stringify({
            type: "about:blank",
            title: "Internal Server Error",
            status: 500,
            detail: (err as Error).message,
          }),
        );
      }
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once("error", reject);
      this.server?.listen(this.port, this.host, () => resolve());
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
