import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from "jose";

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: { N: number; r: number; p: number },
) => Promise<Buffer>;

/** Scopes a storefront API client can hold. */
export const SCOPES = [
  "catalog:read",
  "customers:read",
  "carts:write",
  "orders:read",
  "orders:write",
] as const;
export type Scope = (typeof SCOPES)[number];
export const isScope = (s: string): s is Scope => (SCOPES as readonly string[]).includes(s);

// scrypt parameters: ~50 ms per hash on a small core; secrets are 256-bit random, so this is
// defence in depth for a leaked table rather than protection of weak passwords.
const N = 16384;
const R = 8;
const P = 1;

export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, 32, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export async function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const got = await scrypt(secret, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export function newClientSecret(): string {
  return `icps_${randomBytes(32).toString("base64url")}`;
}

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface SigningKeyStore {
  /** The key new tokens are signed with. */
  active(): Promise<SigningKey>;
  /** Every key whose tokens may still be valid (active + recently retired), for the JWKS. */
  published(): Promise<{ kid: string; publicJwk: JWK }[]>;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `k-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  return { kid, privateJwk, publicJwk };
}

export interface AccessTokenClaims {
  clientId: string;
  scopes: Scope[];
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidTokenError";
  }
}

/**
 * Short-lived ES256 JWT access tokens (RFC 9068 profile: `sub` = client id, `client_id`,
 * `scope`, `aud`, `iss`, `jti`), verified against our own JWKS so a rotated key keeps
 * verifying tokens it signed until they expire.
 */
const KEY_SET_TTL_MS = 60_000;
const KEY_SET_RELOAD_MS = 5_000;
/** Tokens whose signature and claims were checked, kept for their lifetime at most. */
const VERIFIED_MAX = 10_000;

export class AccessTokens {
  constructor(
    private readonly keys: SigningKeyStore,
    private readonly issuer: string,
    private readonly audience: string,
    readonly ttlSeconds = 900,
  ) {}

  async issue(
    claims: AccessTokenClaims,
  ): Promise<{ access_token: string; token_type: "Bearer"; expires_in: number; scope: string }> {
    const key = await this.keys.active();
    const scope = claims.scopes.join(" ");
    const token = await new SignJWT({ client_id: claims.clientId, scope })
      .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "at+jwt" })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(claims.clientId)
      .setIssuedAt()
      .setJti(randomBytes(12).toString("base64url"))
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(await importJWK(key.privateJwk, "ES256"));
    return { access_token: token, token_type: "Bearer", expires_in: this.ttlSeconds, scope };
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    // Make sure a signing key exists before publishing: a verifier that cached an empty key set
    // would reject every token until its cache expired.
    await this.keys.active();
    return { keys: (await this.keys.published()).map((k) => k.publicJwk) };
  }

  /**
   * The published keys, imported once and kept for KEY_SET_TTL_MS (a verify per request must
   * not be a database query and a key import). A token naming a key the set does not hold (one
   * just rotated in by another process) reloads it early; such early reloads happen at most
   * every KEY_SET_RELOAD_MS, so made-up key ids cannot turn every request into a query. A key past its retention can thus
   * verify for up to KEY_SET_TTL_MS more; its tokens have expired long before.
   */
  private keySet: { verify: ReturnType<typeof createLocalJWKSet>; kids: Set<string>; at: number } | undefined;
  /** When a token with an unknown key id last reloaded the set before its time. */
  private lastEarlyReload = Number.NEGATIVE_INFINITY;
  /** The load in flight, shared by the requests that arrive while it runs. */
  private loading: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;

  private async currentKeySet(kid: string | undefined) {
    const now = Date.now();
    const cached = this.keySet;
    const fresh = cached && now - cached.at < KEY_SET_TTL_MS;
    const unknownKid = cached && kid !== undefined && !cached.kids.has(kid);
    const mayReload = now - this.lastEarlyReload >= KEY_SET_RELOAD_MS;
    if (cached && fresh && !(unknownKid && mayReload)) return cached.verify;
    if (cached && fresh) this.lastEarlyReload = now;
    this.loading ??= this.jwks()
      .then((jwks) => {
        // Verdicts were reached with the old keys: a key that left the set takes its tokens along.
        this.verified.clear();
        this.keySet = {
          verify: createLocalJWKSet(jwks),
          kids: new Set(jwks.keys.flatMap((k) => (k.kid ? [k.kid] : []))),
          at: Date.now(),
        };
        return this.keySet.verify;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /**
   * Verdicts on exact token strings: a client sends the same token with every request until it
   * expires, and checking an ES256 signature costs more than the rest of authentication. A
   * verdict holds until the token's `exp` and only while the key set it was reached with is
   * current; any other string (a forged or altered token included) is checked in full.
   */
  private readonly verified = new Map<string, { claims: AccessTokenClaims; expMs: number }>();

  async verify(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expMs && this.keySet && Date.now() - this.keySet.at < KEY_SET_TTL_MS)
        return known.claims;
      this.verified.delete(token);
    }
    return this.verifyFully(token);
  }

  private async verifyFully(token: string): Promise<AccessTokenClaims> {
    let kid: string | undefined;
    try {
      ({ kid } = decodeProtectedHeader(token));
    } catch {
      throw new InvalidTokenError("token is invalid");
    }
    // Outside the try below: a key store that cannot be read is not the token's fault (the
    // caller answers 503 for it, not 401).
    const keySet = await this.currentKeySet(kid);
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ["ES256"],
        typ: "at+jwt",
      });
      const scopes = String(payload.scope ?? "")
        .split(" ")
        .filter(isScope);
      if (typeof payload.sub !== "string") throw new InvalidTokenError("token has no subject");
      const claims = { clientId: payload.sub, scopes };
      if (typeof payload.exp === "number") {
        if (this.verified.size >= VERIFIED_MAX) {
          const oldest = this.verified.keys().next().value;
          if (oldest !== undefined) this.verified.delete(oldest);
        }
        this.verified.set(token, { claims, expMs: payload.exp * 1000 });
      }
      return claims;
    } catch (e) {
      if (e instanceof InvalidTokenError) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new InvalidTokenError("token expired");
      throw new InvalidTokenError("token is invalid");
    }
  }
}
