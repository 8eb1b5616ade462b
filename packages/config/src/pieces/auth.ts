import { randomBytes } from "node:crypto";
import { z } from "zod";
import { envPiece, isDeployed } from "../piece";

/** Staff sign-in to the console (next-auth + OIDC). Only the console carries it. */
export const auth = envPiece({
  name: "console sign-in",
  shape: {
    /** The console's public URL (OIDC redirects, the tRPC origin check). */
    CONSOLE_URL: z.string().min(1).default("http://127.0.0.1:3000"),
    /** Signs console session cookies (next-auth). Required when deployed; a fixed dev value otherwise. */
    AUTH_SECRET: z.string().min(32).optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    /** Claim holding the user's groups; groups map to roles via OIDC_ROLE_GROUPS. */
    OIDC_ROLES_CLAIM: z.string().default("groups"),
    OIDC_ROLE_GROUPS: z.string().default("viewer:icp-viewers,operator:icp-operators,admin:icp-admins"),
    /** Local-only password sign-in for the demo users; ignored in production builds. */
    DEV_LOGIN: z.enum(["on", "off"]).default("off"),
    DEV_LOGIN_PASSWORD: z.string().default("demo"),
  },
  requiredWhenDeployed: {
    CONSOLE_URL: "OIDC redirects and the origin check, from the ConfigMap",
    AUTH_SECRET: "signs staff sessions, from Vault",
    OIDC_ISSUER: "staff sign in through OIDC, from the ConfigMap",
    OIDC_CLIENT_ID: "staff sign in through OIDC, from Vault",
    OIDC_CLIENT_SECRET: "staff sign in through OIDC, from Vault",
  },
  check(env, fail, environment) {
    if (isDeployed(environment) && env.DEV_LOGIN === "on")
      fail("DEV_LOGIN", "the development sign-in cannot be enabled outside local/ci");
  },
});

let processSecret: string | undefined;

/**
 * The secret that signs console sessions: AUTH_SECRET, or — only where it may be unset (local,
 * CI; deployed environments refuse to start without it) — a random one made once per process.
 * Never a constant: one in the source would let anyone who read it forge a session cookie for
 * any role on every console started without AUTH_SECRET. Sessions then last as long as the
 * process; set AUTH_SECRET to keep them across restarts or share them between processes.
 */
export function sessionSecret(authSecret: string | undefined): string {
  if (authSecret) return authSecret;
  processSecret ??= randomBytes(32).toString("base64url");
  return processSecret;
}
