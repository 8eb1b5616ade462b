import type { FastifyInstance } from "fastify";
import type { SapSecurity } from "../http/auth";
import type { Clock } from "../simulation/clock";

/** /sandbox/oauth/token: OAuth2 client credentials, the client in the body or as Basic auth. */
export function registerOAuthRoutes(app: FastifyInstance, security: SapSecurity, realClock: Clock): void {
  app.post("/sandbox/oauth/token", async (req, reply) => {
    const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<
      string,
      string
    >;
    let id = body.client_id ?? "";
    let secret = body.client_secret ?? "";
    const auth = req.headers.authorization;
    if (auth?.startsWith("Basic ")) {
      const decoded = Buffer.from(auth.slice(6), "base64").toString("utf8");
      const i = decoded.indexOf(":");
      id = decodeURIComponent(decoded.slice(0, i));
      secret = decodeURIComponent(decoded.slice(i + 1));
    }
    if (body.grant_type !== "client_credentials")
      return reply.code(400).send({ error: "unsupported_grant_type" });
    const token = security.issueToken(id, secret, realClock.now());
    if (!token) return reply.code(401).send({ error: "invalid_client" });
    return reply.header("cache-control", "no-store").send(token);
  });
}
