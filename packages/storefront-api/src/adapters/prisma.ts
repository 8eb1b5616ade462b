import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { type Db, Prisma, uuidv7 } from "@icp/db";
import type { NewIdempotencyKey } from "@icp/orders";
import type { JWK } from "jose";
import { GroupCommit, SingleFlight } from "../group-commit";
import type { ApiClientRecord, ApiClients, Idempotency } from "../ports";
import { generateSigningKey, isScope, type SigningKey, type SigningKeyStore } from "../tokens";

/**
 * API clients by id. Concurrent lookups of one client share a query (every request checks
 * its client, so under load they coincide); nothing is cached, so a revocation counts from
 * the next query.
 */
export function apiClientsFromDb(db: Db, usedEveryMs = LAST_USED_EVERY_MS): ApiClients {
  const flights = new SingleFlight<ApiClientRecord | null>("api-client");
  const lastWritten = new Map<string, number>();
  return {
    used(clientId) {
      // At most one write per client a minute, off the request's path; a lost write costs only
      // a "last used" a minute stale.
      const now = Date.now();
      if (now - (lastWritten.get(clientId) ?? 0) < usedEveryMs) return;
      lastWritten.set(clientId, now);
      void db.apiClient
        .updateMany({ where: { clientId }, data: { lastUsedAt: new Date(now) } })
        .catch(() => lastWritten.delete(clientId));
    },
    find(clientId) {
      return flights.get(clientId, async () => {
        const c = await db.apiClient.findUnique({ where: { clientId } });
        if (!c) return null;
        return {
          clientId: c.clientId,
          name: c.name,
          secretHash: c.secretHash,
          scopes: c.scopes.filter(isScope),
          rateLimitPerMinute: c.rateLimitPerMinute,
          revokedAt: c.revokedAt,
        };
      });
    },
  };
}

/**
 * API clients' row ids by client id, each looked up once: a client's row id never changes
 * (clients are revoked, not deleted).
 */
export function clientRowIds(db: Db): (clientId: string) => Promise<string> {
  const ids = new Map<string, Promise<string>>();
  return (clientId) => {
    let id = ids.get(clientId);
    if (!id) {
      id = db.apiClient.findUniqueOrThrow({ where: { clientId }, select: { id: true } }).then((c) => c.id);
      id.catch(() => ids.delete(clientId));
      ids.set(clientId, id);
    }
    return id;
  };
}

/** How often an API client's "last used" is written at most. */
const LAST_USED_EVERY_MS = 60_000;

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * How long an attempt holds its key before a retry may take over, by default: longer than a
 * request takes when every store answers (the Kafka produce is bounded well below it), so a
 * takeover means the first attempt died or hung. Taking over keeps the key's order id.
 */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 30_000;

/**
 * Idempotency keys in PostgreSQL, each bound to one order id from its first request. `begin`
 * inserts the key with the order id and a lease (the unique index makes concurrent duplicates
 * lose) and then compares: same request → the stored answer, other body → mismatch, no answer
 * yet → in progress while the lease holds; once it has lapsed (the attempt died or hung) or was
 * released (the attempt failed), the caller takes over the same order id. Taking over is safe
 * because order intake is idempotent by order id.
 *
 * The inserts of concurrent requests go to PostgreSQL as one statement (group commit); a key
 * that was there already takes the one-by-one path. The answer to an accepted order is
 * stored by the order intake, with the order's Kafka position.
 */
export function idempotencyFromDb(
  db: Db,
  clientUuid = clientRowIds(db),
  opts: { leaseMs?: number } = {},
): Idempotency {
  const leaseMs = opts.leaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS;
  // A key's first row: this attempt holds it for leaseMs, and it is kept IDEMPOTENCY_TTL_MS.
  const newKey = (key: string, requestHash: string): NewIdempotencyKey => {
    const now = new Date();
    return {
      id: uuidv7(),
      key,
      requestHash,
      leaseUntil: new Date(now.getTime() + leaseMs),
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    };
  };
  type NewKey = NewIdempotencyKey & { apiClientId: string; orderId: string };
  // Inserted or not, per key; a key already present (or twice in one batch) is not.
  const inserts = new GroupCommit<NewKey, boolean>(
    async (keys) => {
      // The batch as one JSON parameter: serialised natively, where arrays go element by element.
      const batch = JSON.stringify(
        keys.map((k) => ({
          id: k.id,
          api_client_id: k.apiClientId,
          key: k.key,
          request_hash: k.requestHash,
          order_id: k.orderId,
          lease_until: k.leaseUntil,
          created_at: k.createdAt,
          expires_at: k.expiresAt,
        })),
      );
      const rows = await db.$queryRaw<{ id: string }[]>`
        INSERT INTO idempotency_key (id, api_client_id, key, request_hash, order_id, lease_until, created_at, expires_at)
        SELECT * FROM jsonb_to_recordset(${batch}::jsonb)
          AS t(id uuid, api_client_id uuid, key text, request_hash text, order_id text,
               lease_until timestamptz, created_at timestamptz, expires_at timestamptz)
        ON CONFLICT (api_client_id, key) DO NOTHING
        RETURNING id`;
      const inserted = new Set(rows.map((r) => r.id));
      return keys.map((k) => inserted.has(k.id));
    },
    { name: "idempotency.begin", isolateFailures: true },
  );
  return {
    newKey,
    async begin(clientId, key, requestHash, orderId) {
      const apiClientId = await clientUuid(clientId);
      const fresh = newKey(key, requestHash);
      const { createdAt: now, leaseUntil: lease } = fresh;
      if (await inserts.run({ ...fresh, apiClientId, orderId })) return { state: "new", orderId, lease };
      const row = await db.idempotencyKey.findUnique({ where: { apiClientId_key: { apiClientId, key } } });
      if (!row) return { state: "in-progress", orderId: null };
      if (row.expiresAt < now) {
        // Expired: the key is free again. The same request sent again keeps its order id (an
        // order that reached the ledger stays one order); another request starts afresh.
        const same = row.requestHash === requestHash && row.orderId !== null;
        const bound = same ? (row.orderId ?? orderId) : orderId;
        const taken = await db.idempotencyKey.updateMany({
          where: { id: row.id, expiresAt: row.expiresAt },
          data: {
            requestHash,
            orderId: bound,
            leaseUntil: lease,
            responseStatus: null,
            responseBody: Prisma.DbNull,
            createdAt: now,
            expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          },
        });
        if (taken.count === 1) return { state: same ? "resumed" : "new", orderId: bound, lease };
        return { state: "in-progress", orderId: null };
      }
      if (row.requestHash !== requestHash) return { state: "mismatch" };
      if (row.responseStatus !== null)
        return { state: "replay", status: row.responseStatus, body: row.responseBody };
      // A key from before leases were stored holds for leaseMs from its creation.
      const heldUntil = row.leaseUntil ?? new Date(row.createdAt.getTime() + leaseMs);
      if (heldUntil > now) return { state: "in-progress", orderId: row.orderId };
      // Take over, compare-and-set on the lease: of two late retries, one wins. The order id
      // stays (a key from before order ids were stored takes this request's).
      const bound = row.orderId ?? orderId;
      const taken = await db.idempotencyKey.updateMany({
        where: { id: row.id, responseStatus: null, leaseUntil: row.leaseUntil },
        data: { leaseUntil: lease, orderId: bound },
      });
      if (taken.count === 1) return { state: "resumed", orderId: bound, lease };
      return { state: "in-progress", orderId: row.orderId };
    },
    async abandon(clientId, key, lease) {
      const apiClientId = await clientUuid(clientId);
      await db.idempotencyKey.deleteMany({
        where: { apiClientId, key, responseStatus: null, leaseUntil: lease },
      });
    },
    async release(clientId, key, lease) {
      const apiClientId = await clientUuid(clientId);
      await db.idempotencyKey.updateMany({
        where: { apiClientId, key, responseStatus: null, leaseUntil: lease },
        data: { leaseUntil: new Date() },
      });
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
