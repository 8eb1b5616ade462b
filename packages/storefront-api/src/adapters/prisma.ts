import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { type Db, Prisma } from "@icp/db";
import type { JWK } from "jose";
import type { ApiClientRecord, ApiClients, Idempotency } from "../ports";
import { generateSigningKey, isScope, type SigningKey, type SigningKeyStore } from "../tokens";

export function apiClientsFromDb(db: Db): ApiClients {
  return {
    async find(clientId) {
      const c = await db.apiClient.findUnique({ where: { clientId } });
      if (!c) return null;
      const rec: ApiClientRecord = {
        clientId: c.clientId,
        name: c.name,
        secretHash: c.secretHash,
        scopes: c.scopes.filter(isScope),
        rateLimitPerMinute: c.rateLimitPerMinute,
        revokedAt: c.revokedAt,
      };
      return rec;
    },
  };
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A request that crashed mid-way holds its key this long before a retry may take over. */
const IN_PROGRESS_LEASE_MS = 30_000;

/**
 * Idempotency keys in PostgreSQL. `begin` inserts the key (the unique index makes concurrent
 * duplicates lose) and then compares: same request → the stored answer, other body → mismatch,
 * no answer yet → in progress, unless the lease has lapsed (the first request died), in
 * which case the caller takes over. Taking over is safe because order intake is idempotent.
 */
export function idempotencyFromDb(db: Db): Idempotency {
  // A client's row id never changes (clients are revoked, not deleted): looked up once.
  const uuids = new Map<string, string>();
  const clientUuid = async (clientId: string) => {
    let id = uuids.get(clientId);
    if (!id) {
      id = (await db.apiClient.findUniqueOrThrow({ where: { clientId }, select: { id: true } })).id;
      uuids.set(clientId, id);
    }
    return id;
  };
  return {
    async begin(clientId, key, requestHash) {
      const apiClientId = await clientUuid(clientId);
      const now = new Date();
      try {
        await db.idempotencyKey.create({
          data: { apiClientId, key, requestHash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) },
        });
        return { state: "new" };
      } catch (e) {
        if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
      }
      const row = await db.idempotencyKey.findUnique({ where: { apiClientId_key: { apiClientId, key } } });
      if (!row) return { state: "in-progress" };
      if (row.expiresAt < now) {
        // Expired: the key is free again.
        await db.idempotencyKey.update({
          where: { id: row.id },
          data: {
            requestHash,
            responseStatus: null,
            responseBody: Prisma.DbNull,
            createdAt: now,
            expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          },
        });
        return { state: "new" };
      }
      if (row.requestHash !== requestHash) return { state: "mismatch" };
      if (row.responseStatus !== null)
        return { state: "replay", status: row.responseStatus, body: row.responseBody };
      if (now.getTime() - row.createdAt.getTime() > IN_PROGRESS_LEASE_MS) {
        const taken = await db.idempotencyKey.updateMany({
          where: { id: row.id, createdAt: row.createdAt, responseStatus: null },
          data: { createdAt: now },
        });
        if (taken.count === 1) return { state: "new" };
      }
      return { state: "in-progress" };
    },
    async complete(clientId, key, status, body) {
      const apiClientId = await clientUuid(clientId);
      await db.idempotencyKey.update({
        where: { apiClientId_key: { apiClientId, key } },
        data: { responseStatus: status, responseBody: body as Prisma.InputJsonValue },
      });
    },
    async abandon(clientId, key) {
      const apiClientId = await clientUuid(clientId);
      await db.idempotencyKey.deleteMany({ where: { apiClientId, key, responseStatus: null } });
    },
  };
}

/** AES-256-GCM under a key derived from the configured secret; the DB never holds a private key in clear. */
function sealer(secret: string) {
  const key = createHash("sha256").update(`icp-signing-key:${secret}`).digest();
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", key, iv);
      const enc = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return `v1.${iv.toString("base64url")}.${c.getAuthTag().toString("base64url")}.${enc.toString("base64url")}`;
    },
    open(sealed: string): string {
      const [v, iv, tag, enc] = sealed.split(".");
      if (v !== "v1" || !iv || !tag || !enc)
        throw new Error("signing key is not in the expected sealed format");
      const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(enc, "base64url")), d.final()]).toString("utf8");
    },
  };
}

/**
 * Signing keys in PostgreSQL, private halves sealed. The first call creates a key if none is
 * active; `rotate()` activates a new one and keeps the old published until its tokens expire.
 */
export class DbSigningKeyStore implements SigningKeyStore {
  private cache: { key: SigningKey; at: number } | undefined;
  private readonly sealed: ReturnType<typeof sealer>;

  constructor(
    private readonly db: Db,
    secret: string,
    private readonly retiredKeepMs = 24 * 60 * 60 * 1000,
  ) {
    this.sealed = sealer(secret);
  }

  async active(): Promise<SigningKey> {
    if (this.cache && Date.now() - this.cache.at < 60_000) return this.cache.key;
    let row = await this.db.signingKey.findFirst({ where: { active: true } });
    if (!row) {
      await this.rotate();
      row = await this.db.signingKey.findFirstOrThrow({ where: { active: true } });
    }
    if (!row.privateKeyEnc) throw new Error(`signing key ${row.kid} has no private key here`);
    const key: SigningKey = {
      kid: row.kid,
      publicJwk: row.publicJwk as JWK,
      privateJwk: JSON.parse(this.sealed.open(row.privateKeyEnc)) as JWK,
    };
    this.cache = { key, at: Date.now() };
    return key;
  }

  async published(): Promise<{ kid: string; publicJwk: JWK }[]> {
    const since = new Date(Date.now() - this.retiredKeepMs);
    const rows = await this.db.signingKey.findMany({
      where: { OR: [{ active: true }, { retiredAt: { gt: since } }] },
      orderBy: { createdAt: "desc" },
    });
    return rows.map((r) => ({ kid: r.kid, publicJwk: r.publicJwk as JWK }));
  }

  async rotate(): Promise<string> {
    const k = await generateSigningKey();
    await this.db.$transaction(async (tx) => {
      await tx.signingKey.updateMany({
        where: { active: true },
        data: { active: false, retiredAt: new Date() },
      });
      await tx.signingKey.create({
        data: {
          kid: k.kid,
          alg: "ES256",
          publicJwk: k.publicJwk as Prisma.InputJsonValue,
          privateKeyEnc: this.sealed.seal(JSON.stringify(k.privateJwk)),
          active: true,
          activatedAt: new Date(),
        },
      });
    });
    this.cache = undefined;
    return k.kid;
  }
}
