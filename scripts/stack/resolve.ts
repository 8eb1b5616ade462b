/**
 * Prints, as shell assignments, the ports and URLs the local stack serves, derived from the
 * one env schema (@icp/config) so scripts/stack.sh never re-spells a default. Overriding
 * DATABASE_URL / REDIS_URL / KAFKA_BROKERS / MONGODB_URL in the environment moves the
 * corresponding server to that port; the apps read the same variables, so both agree.
 *
 * Only loopback hosts are accepted: the stack never listens on anything else.
 */
import { parseEnv } from "@icp/config";

const env = parseEnv(process.env);
const problems: string[] = [];
const LOOPBACK = new Set(["127.0.0.1", "localhost"]);

function portOf(name: string, raw: string, defaultPort?: number): number {
  let host: string;
  let port: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    const u = new URL(raw);
    host = u.hostname;
    port = u.port;
  } else {
    const i = raw.lastIndexOf(":");
    host = i < 0 ? raw : raw.slice(0, i);
    port = i < 0 ? "" : raw.slice(i + 1);
  }
  if (!LOOPBACK.has(host))
    problems.push(`${name}=${raw}: the local stack only serves 127.0.0.1 (got host "${host}")`);
  const n = port === "" ? defaultPort : Number(port);
  if (n === undefined || !Number.isInteger(n) || n <= 0 || n > 65535) {
    problems.push(`${name}=${raw}: needs an explicit port`);
    return 0;
  }
  return n;
}

if (env.KAFKA_BROKERS.length !== 1)
  problems.push(`KAFKA_BROKERS: the local stack runs one broker (got ${env.KAFKA_BROKERS.join(",")})`);
const db = new URL(env.DATABASE_URL);

const out: Record<string, string | number> = {
  PG_PORT: portOf("DATABASE_URL", env.DATABASE_URL, 5432),
  PG_USER: decodeURIComponent(db.username),
  PG_PASSWORD: decodeURIComponent(db.password),
  PG_DATABASE: db.pathname.replace(/^\//, ""),
  REDIS_PORT: portOf("REDIS_URL", env.REDIS_URL, 6379),
  KAFKA_PORT: portOf("KAFKA_BROKERS", env.KAFKA_BROKERS[0] ?? ""),
  FERRETDB_PORT: portOf("MONGODB_URL", env.MONGODB_URL, 27017),
  DATABASE_URL: env.DATABASE_URL,
  REDIS_URL: env.REDIS_URL,
  KAFKA_BROKERS: env.KAFKA_BROKERS.join(","),
  MONGODB_URL: env.MONGODB_URL,
};
for (const k of ["PG_USER", "PG_PASSWORD", "PG_DATABASE"] as const) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(out[k])))
    problems.push(`DATABASE_URL: ${k} must be a plain identifier`);
}

if (problems.length > 0) {
  console.error(`[stack] ERROR: bad local-stack environment:\n  - ${problems.join("\n  - ")}`);
  process.exit(2);
}
const q = (v: string | number) => `'${String(v).replace(/'/g, "'\\''")}'`;
for (const [k, v] of Object.entries(out)) console.log(`${k}=${q(v)}`);
