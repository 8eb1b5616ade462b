import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { json } from "../http";
import { problem } from "../problem";
import { jwksSchema, oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from "../schemas";
import { hashClientSecret, isScope, type Scope, verifyClientSecret } from "../tokens";
import { defineRoute, type StorefrontApiDeps, type TokenThrottle } from "./route";

const noStore = { "Cache-Control": "no-store" };

export const DEFAULT_TOKEN_THROTTLE: TokenThrottle = {
  attemptsPerClientPerMinute: 60,
  failuresPerClient: 10,
  failuresPerAddress: 30,
  failureWindowMs: 15 * 60_000,
};

/**
 * A hash no secret matches, checked when the client id is unknown, revoked or no secret came:
 * every answer then costs one scrypt, so the time taken does not tell which client ids exist.
 */
let dummyHash: Promise<string> | undefined;
const unmatchable = () => {
  dummyHash ??= hashClientSecret(randomBytes(32).toString("base64url"));
  return dummyHash;
};

/**
 * Before a secret is checked: the client id's attempts per minute (whatever their addresses),
 * then the failures of the id and of the address in the failure window. Past either, 429 with
 * Retry-After until the window lets one through: guessing slows to a crawl, and a flood of
 * guesses costs us no scrypt. The same answer whether the id exists or not.
 */
async function throttle(deps: StorefrontApiDeps, clientId: string | undefined, ip: string): Promise<void> {
  const t = { ...DEFAULT_TOKEN_THROTTLE, ...deps.tokenThrottle };
  const refuse = (seconds: number, why: string) =>
    problem("rate-limited", why, { headers: { "Retry-After": String(Math.max(1, Math.ceil(seconds))) } });
  if (clientId) {
    const d = await deps.limiter.hit(`token:client:${clientId}`, t.attemptsPerClientPerMinute, 60_000);
    if (!d.allowed) throw refuse(d.resetSeconds, "Too many token requests for this client id.");
  }
  const [byClient, byAddress] = await Promise.all([
    clientId ? deps.limiter.count(`token-fail:client:${clientId}`, t.failureWindowMs) : 0,
    deps.limiter.count(`token-fail:ip:${ip}`, t.failureWindowMs),
  ]);
  if (byClient >= t.failuresPerClient || byAddress >= t.failuresPerAddress)
    throw refuse(t.failureWindowMs / 1000, "Too many failed authentications; wait before trying again.");
}

async function recordFailure(deps: StorefrontApiDeps, clientId: string | undefined, ip: string) {
  const t = { ...DEFAULT_TOKEN_THROTTLE, ...deps.tokenThrottle };
  await Promise.all([
    clientId ? deps.limiter.hit(`token-fail:client:${clientId}`, 1_000_000, t.failureWindowMs) : null,
    deps.limiter.hit(`token-fail:ip:${ip}`, 1_000_000, t.failureWindowMs),
  ]);
}

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
    await throttle(deps, clientId, ctx.ip);
    const client = clientId ? await deps.clients.find(clientId) : null;
    const usable = client && !client.revokedAt ? client : null;
    // One answer for every credential problem, in the same time (one scrypt whether or not the
    // client exists), so the endpoint cannot be used to probe client ids.
    const matches = await verifyClientSecret(secret ?? "", usable?.secretHash ?? (await unmatchable()));
    if (!usable || !secret || !matches) {
      await recordFailure(deps, clientId, ctx.ip);
      return json(
        { error: "invalid_client", error_description: "client authentication failed" },
        { status: 401, headers: { ...noStore, "WWW-Authenticate": 'Basic realm="storefront"' } },
      );
    }
    const requested = form.scope ? form.scope.split(" ").filter(Boolean) : usable.scopes;
    const unknown = requested.filter((s) => !isScope(s) || !usable.scopes.includes(s));
    if (unknown.length) {
      return json(
        { error: "invalid_scope", error_description: `not granted to this client: ${unknown.join(" ")}` },
        { status: 400, headers: noStore },
      );
    }
    const token = await deps.tokens.issue({ clientId: usable.clientId, scopes: requested as Scope[] });
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
