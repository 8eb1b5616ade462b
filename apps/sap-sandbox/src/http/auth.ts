import { randomBytes, timingSafeEqual } from "node:crypto";

export interface AuthOptions {
  username: string;
  password: string;
  oauthClientId: string;
  oauthClientSecret: string;
  systemId: string;
  clients: string[];
  tokenTtlSeconds: number;
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Logon, sessions and CSRF tokens the way SAP Gateway does them: basic auth (or a bearer
 * token from the sandbox's OAuth endpoint), a session cookie per logon, and an
 * `x-csrf-token` bound to that session that modifying requests must echo.
 */
export class SapSecurity {
  private readonly sessions = new Map<string, { csrf?: string; client: string }>();
  private readonly bearer = new Map<string, number>();

  constructor(readonly options: AuthOptions) {}

  sessionCookieName(client: string): string {
    return `SAP_SESSIONID_${this.options.systemId}_${client}`;
  }

  /** Checks `Authorization`; returns who logged on or undefined. */
  authenticate(header: string | undefined, now: number): string | undefined {
    if (!header) return undefined;
    const [scheme, value = ""] = header.split(" ", 2);
    if (scheme?.toLowerCase() === "basic") {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      const i = decoded.indexOf(":");
      const user = decoded.slice(0, i);
      const pass = decoded.slice(i + 1);
      return i > 0 &&
        safeEqual(user.toUpperCase(), this.options.username.toUpperCase()) &&
        safeEqual(pass, this.options.password)
        ? this.options.username
        : undefined;
    }
    if (scheme?.toLowerCase() === "bearer") {
      const exp = this.bearer.get(value);
      return exp !== undefined && exp > now ? this.options.oauthClientId : undefined;
    }
    return undefined;
  }

  /** Client credentials grant; returns undefined when the client is unknown. */
  issueToken(
    clientId: string,
    clientSecret: string,
    now: number,
  ): { access_token: string; token_type: "Bearer"; expires_in: number; scope: string } | undefined {
    if (
      !safeEqual(clientId, this.options.oauthClientId) ||
      !safeEqual(clientSecret, this.options.oauthClientSecret)
    )
      return undefined;
    const token = randomBytes(24).toString("base64url");
    this.bearer.set(token, now + this.options.tokenTtlSeconds * 1000);
    return {
      access_token: token,
      token_type: "Bearer",
      expires_in: this.options.tokenTtlSeconds,
      scope: "API_SALES_ORDER_SRV_0001",
    };
  }

  /** The session for a cookie value, or a new one. */
  session(cookieValue: string | undefined, client: string): { id: string; created: boolean } {
    if (cookieValue && this.sessions.get(cookieValue)?.client === client)
      return { id: cookieValue, created: false };
    const id = randomBytes(32).toString("base64url");
    this.sessions.set(id, { client });
    return { id, created: true };
  }

  fetchCsrf(sessionId: string): string {
    const s = this.sessions.get(sessionId);
    if (!s) throw new Error("unknown session");
    s.csrf ??= randomBytes(18).toString("base64");
    return s.csrf;
  }

  csrfValid(sessionId: string | undefined, token: string | undefined): boolean {
    if (!sessionId || !token) return false;
    const csrf = this.sessions.get(sessionId)?.csrf;
    return csrf !== undefined && safeEqual(csrf, token);
  }

  /** Invalidates every CSRF token (the fault "CSRF expiry", and reset). */
  expireCsrfTokens(): void {
    for (const s of this.sessions.values()) delete s.csrf;
  }

  reset(): void {
    this.sessions.clear();
    this.bearer.clear();
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}
