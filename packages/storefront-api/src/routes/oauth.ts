import type { z } from "zod";
import { json } from "../http";
import { jwksSchema, oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from "../schemas";
import { isScope, type Scope, verifyClientSecret } from "../tokens";
import { defineRoute } from "./route";

const noStore = { "Cache-Control": "no-store" };

/** OAuth2 client credentials (RFC 6749 §4.4): the client id and secret in the form or Basic auth. */
export const issueToken = defineRoute({
  method: "POST",
  path: "/oauth/token",
  summary: "Get an access token (client credentials)",
  access: "public",
  request: { body: { schema: tokenRequestSchema, type: "form" } },
  responses: {
    200: { description: "Token issued", schema: tokenResponseSchema },
    400: { description: "invalid_scope: a scope not granted to this client", schema: oauthErrorSchema },
    401: {
      description: "invalid_client: one answer for every credential problem",
      schema: oauthErrorSchema,
      headers: {
        "WWW-Authenticate": { description: 'Basic realm="storefront"', schema: { type: "string" } },
      },
    },
  },
  problems: [],
  async handler(ctx) {
    const { deps, body: form } = ctx;
    const { clientId, secret } = credentials(ctx.req, form);
    const client = clientId ? await deps.clients.find(clientId) : null;
    // One answer for every credential problem, so the endpoint cannot be used to probe client ids.
    if (!client || client.revokedAt || !secret || !(await verifyClientSecret(secret, client.secretHash))) {
      return json(
        { error: "invalid_client", error_description: "client authentication failed" },
        { status: 401, headers: { ...noStore, "WWW-Authenticate": 'Basic realm="storefront"' } },
      );
    }
    const requested = form.scope ? form.scope.split(" ").filter(Boolean) : client.scopes;
    const unknown = requested.filter((s) => !isScope(s) || !client.scopes.includes(s));
    if (unknown.length) {
      return json(
        { error: "invalid_scope", error_description: `not granted to this client: ${unknown.join(" ")}` },
        { status: 400, headers: noStore },
      );
    }
    const token = await deps.tokens.issue({ clientId: client.clientId, scopes: requested as Scope[] });
    return json(token, { headers: { ...noStore, Pragma: "no-cache" } });
  },
});

/** The client's credentials: HTTP Basic (RFC 6749 §2.3.1) wins over the form's. */
function credentials(
  req: Request,
  form: z.output<typeof tokenRequestSchema>,
): { clientId: string | undefined; secret: string | undefined } {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!basic?.[1]) return { clientId: form.client_id, secret: form.client_secret };
  const [id, ...rest] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
  try {
    return { clientId: decodeURIComponent(id ?? ""), secret: decodeURIComponent(rest.join(":")) };
  } catch {
    // Not valid form-urlencoding: no credentials, the invalid_client answer.
    return { clientId: undefined, secret: undefined };
  }
}

export const jwks = defineRoute({
  method: "GET",
  path: "/.well-known/jwks.json",
  summary: "The public keys access tokens are signed with (JWKS)",
  access: "public",
  responses: { 200: { description: "The key set", schema: jwksSchema } },
  problems: [],
  async handler({ deps }) {
    return json(await deps.tokens.jwks(), { headers: { "Cache-Control": "public, max-age=300" } });
  },
});
