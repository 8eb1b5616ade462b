/**
 * The images scripts/images.sh builds from the real Dockerfiles (buildah, local Node base), run
 * with podman (runc) against the local stack, as Kubernetes runs them: read-only root filesystem
 * (writable /tmp only), all capabilities dropped, no privilege escalation, the image's own USER,
 * host network on ports of their own. Each gets an isolated slice of the stack (a fresh
 * PostgreSQL database, MongoDB database, Redis database and consumer-group suffix), Kafka over
 * SASL_SSL as its deployable's principal with the stack's CA mounted read-only.
 *
 * Per image: it becomes ready, serves its health endpoints, runs as uid 10001 (not 0), cannot
 * write outside /tmp, has what its pod spec execs (preStop `sleep`), and on SIGTERM to the
 * container (tini, PID 1) drains and exits 0 within the pod's grace period. The worker image
 * also runs the migration Job's command on an empty database. The build itself is the stage
 * before this one in scripts/test.sh; without its images every test here fails, naming it.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Env } from "@icp/config";
import { createTestDatabase, MIGRATIONS_DIR } from "@icp/db/test-database";
import { type KafkaPrincipal, KafkaPrincipals } from "@icp/messaging";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalEnv } from "../../scripts/stack/principals";
import { type TestStack, testStack } from "../integration/harness";

const ROOT = resolve(import.meta.dirname, "../..");
const BUILT = resolve(ROOT, ".local/images/built.tsv");
const CA_IN_CONTAINER = "/etc/icp/kafka-ca.pem";
const UID = "10001";

/** The images the build stage produced: app → reference, OCI archive, SBOM. */
function builtImages(): Map<string, { ref: string; archive: string; sbom: string }> {
  if (!existsSync(BUILT)) return new Map();
  return new Map(
    readFileSync(BUILT, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const [app = "", ref = "", archive = "", sbom = ""] = l.split("\t");
        return [app, { ref, archive, sbom }] as const;
      }),
  );
}
const images = builtImages();
function imageOf(app: string): string {
  const ref = images.get(app)?.ref;
  if (!ref)
    throw new Error(
      `no ${app} image in .local/images/built.tsv: the stage "container images (buildah)" failed or did not run (scripts/images.sh build)`,
    );
  return ref;
}

/** podman on the images' storage (scripts/images.sh podman: runc, cgroupfs, the same --root). */
function podman(args: string[], timeoutMs = 60_000): SpawnSyncReturns<string> {
  return spawnSync("bash", [resolve(ROOT, "scripts/images.sh"), "podman", ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
}
function podmanOk(args: string[], timeoutMs?: number): string {
  const r = podman(args, timeoutMs);
  if (r.status !== 0) throw new Error(`podman ${args.join(" ")} → ${r.status}: ${r.stderr}${r.error ?? ""}`);
  return r.stdout.trim();
}

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? ok(address.port) : fail(new Error("no port"))));
    });
  });

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms: number, logs: () => string) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end)
      throw new Error(`timed out after ${ms / 1000} s waiting for ${what}; logs:\n${logs()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const work = mkdtempSync(join(tmpdir(), "icp-images-"));
const containers: string[] = [];
afterAll(() => {
  for (const c of containers) podman(["rm", "--force", "--time", "0", c]);
  rmSync(work, { recursive: true, force: true });
});

/** The stack's connection env for a container: the slice's stores, Kafka as `principal`. */
function stackEnv(
  env: Env,
  principal: KafkaPrincipal,
  extra: Record<string, string>,
): Record<string, string> {
  const caFile = env.KAFKA_SSL_CA_FILE;
  return {
    ICP_ENVIRONMENT: "ci",
    LOG_LEVEL: "info",
    DATABASE_URL: env.DATABASE_URL,
    REDIS_URL: env.REDIS_URL,
    MONGODB_URL: env.MONGODB_URL,
    KAFKA_BROKERS: [env.KAFKA_BROKERS].flat().join(","),
    ...(env.KAFKA_SSL ? { KAFKA_SSL: "true" } : {}),
    ...(caFile ? { KAFKA_SSL_CA_FILE: CA_IN_CONTAINER } : {}),
    ...(env.KAFKA_SASL_MECHANISM ? { KAFKA_SASL_MECHANISM: env.KAFKA_SASL_MECHANISM } : {}),
    ...principalEnv(principal),
    ...extra,
  };
}

/**
 * The stack's CA certificate, readable by the container's user: .local/kafka/tls/ca.pem is 0600
 * root; a pod gets the CA from a ConfigMap/Secret volume it can read.
 */
function readableCa(caFile: string | undefined): string | undefined {
  if (!caFile) return undefined;
  const copy = join(work, "kafka-ca.pem");
  writeFileSync(copy, readFileSync(caFile), { mode: 0o644 });
  return copy;
}

/** Start `ref` detached, locked down as the pod spec does; the env goes in through a 0600 file. */
function runDetached(
  name: string,
  ref: string,
  env: Record<string, string>,
  hostCaFile: string | undefined,
): string {
  const caFile = readableCa(hostCaFile);
  const envFile = join(work, `${name}.env`);
  writeFileSync(
    envFile,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
    { mode: 0o600 },
  );
  containers.push(name);
  return podmanOk([
    "run",
    "--detach",
    "--name",
    name,
    "--network",
    "host",
    "--read-only", // podman mounts tmpfs on /tmp, /var/tmp and /run (the pods' emptyDir /tmp)
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges",
    "--pull",
    "never",
    "--env-file",
    envFile,
    ...(caFile ? ["--volume", `${caFile}:${CA_IN_CONTAINER}:ro`] : []),
    ref,
  ]);
}

const logsOf = (name: string) => {
  const r = podman(["logs", name]);
  return `${r.stdout}${r.stderr}`;
};
const execIn = (name: string, cmd: string[]) => podman(["exec", name, ...cmd]);

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}

/** SIGTERM to the container (its PID 1, tini), then wait: exit code and seconds taken. */
function terminate(name: string, graceSeconds: number): { code: number; seconds: number } {
  const t0 = Date.now();
  podmanOk(["kill", "--signal", "TERM", name]);
  const code = Number(podmanOk(["wait", name], (graceSeconds + 15) * 1000));
  return { code, seconds: (Date.now() - t0) / 1000 };
}

/** The lockdown checks every image gets, in its running container. */
function checkLockdown(name: string, ref: string) {
  expect(podmanOk(["image", "inspect", "--format", "{{.Config.User}}", ref])).toBe(`${UID}:${UID}`);
  const id = execIn(name, ["id", "-u"]);
  expect(id.stdout.trim(), id.stderr).toBe(UID);
  // PID 1 (tini) and the app run as that user too, not only an exec'd shell.
  const status = execIn(name, ["sh", "-c", "grep '^Uid:' /proc/1/status"]);
  expect(status.stdout.split(/\s+/)[1], status.stderr).toBe(UID);
  for (const path of ["/app/.probe", "/usr/local/bin/.probe", "/etc/.probe"]) {
    const w = execIn(name, ["sh", "-c", `echo x > ${path}`]);
    expect(w.status, `writing ${path}`).not.toBe(0);
    expect(w.stderr).toMatch(/Read-only file system/);
  }
  const tmp = execIn(name, ["sh", "-c", "echo x > /tmp/.probe && cat /tmp/.probe"]);
  expect(tmp.stdout.trim(), tmp.stderr).toBe("x");
}

describe("the image build", () => {
  it("produced console, worker and sap-sandbox images, each with an OCI archive and a CycloneDX SBOM", () => {
    for (const app of ["console", "worker", "sap-sandbox"]) {
      const ref = imageOf(app);
      const { archive, sbom } = images.get(app) ?? { archive: "", sbom: "" };
      expect(existsSync(archive), archive).toBe(true);
      // cyclonedx-npm over the lockfile for the app's workspace, production dependencies only.
      const doc = JSON.parse(readFileSync(sbom, "utf8")) as {
        bomFormat: string;
        specVersion: string;
        components: { group?: string; name: string; purl?: string }[];
      };
      expect(doc.bomFormat).toBe("CycloneDX");
      const names = new Set(doc.components.map((c) => (c.group ? `${c.group}/${c.name}` : c.name)));
      expect(names.has(`@icp/${app}`), `${sbom} lists the app's workspace`).toBe(true);
      expect(names.has(app === "console" ? "next" : "tsx"), `${ref}: a runtime dependency in the SBOM`).toBe(
        true,
      );
      for (const dev of ["vitest", "@biomejs/biome", "turbo"])
        expect(names.has(dev), `${sbom}: devDependency ${dev} listed`).toBe(false);
      expect(podmanOk(["image", "exists", ref]) === "").toBe(true);
    }
  });
});

describe("worker image (also the migration Job's)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await testStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("runs the migration Job's command on an empty database, read-only, as uid 10001", async () => {
    const ref = imageOf("worker");
    const db = await createTestDatabase();
    try {
      const envFile = join(work, "migrate.env");
      // What k8s/base/migrate-job.yaml gives the container: command = the Vault entrypoint (no
      // tini), npm's cache in the /tmp emptyDir, DATABASE_URL from Vault.
      writeFileSync(envFile, `ICP_ENVIRONMENT=ci\nDATABASE_URL=${db.url}\nnpm_config_cache=/tmp/.npm\n`, {
        mode: 0o600,
      });
      const r = podman(
        [
          "run",
          "--rm",
          "--network",
          "host",
          "--read-only",
          "--cap-drop",
          "ALL",
          "--security-opt",
          "no-new-privileges",
          "--pull",
          "never",
          "--env-file",
          envFile,
          "--entrypoint",
          "/usr/local/bin/icp-entrypoint",
          ref,
          "npm",
          "run",
          "db:migrate",
        ],
        180_000,
      );
      const migrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`[migrate] done: ${migrations.length} applied, 0 already applied`);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const tables = await client.query<{ n: string }>(
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
        );
        expect(Number(tables.rows[0]?.n)).toBeGreaterThan(5);
      } finally {
        await client.end();
      }
    } finally {
      await db.drop();
    }
  }, 240_000);

  it("becomes ready, serves /health/live and /metrics, is locked down, and drains on SIGTERM within 60 s", async () => {
    const ref = imageOf("worker");
    const port = await freePort();
    const name = `icp-it-worker-${randomBytes(3).toString("hex")}`;
    runDetached(
      name,
      ref,
      stackEnv(stack.env, KafkaPrincipals.worker, {
        WORKER_HTTP_PORT: String(port),
        HTTP_HOST: "127.0.0.1",
        KAFKA_GROUP_SUFFIX: stack.groupSuffix,
        RESYNC_SCHEDULE: "off",
      }),
      stack.env.KAFKA_SSL_CA_FILE,
    );
    const base = `http://127.0.0.1:${port}`;
    const ready = await until(
      "the worker's /health/ready",
      async () => {
        const r = await getJson(`${base}/health/ready`);
        return r.status === 200 ? r : undefined;
      },
      120_000,
      () => logsOf(name),
    );
    expect(ready.status).toBe(200);
    const live = await until(
      "the worker's /health/live (Kafka consumers heartbeating)",
      async () => {
        const r = await getJson(`${base}/health/live`);
        return r.status === 200 ? r : undefined;
      },
      60_000,
      () => logsOf(name),
    );
    expect(live.status).toBe(200);
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^icp_/m);

    checkLockdown(name, ref);

    const { code, seconds } = terminate(name, 60);
    const logs = logsOf(name);
    expect(logs).toMatch(/worker shutting down: draining/);
    expect(logs).toMatch(/worker stopped/);
    expect(code, logs).toBe(0);
    expect(seconds).toBeLessThan(60);
  }, 300_000);
});

describe("console image", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await testStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("becomes ready, serves /api/health/live, is locked down, has the preStop's sleep, and exits after draining on SIGTERM within 30 s", async () => {
    const ref = imageOf("console");
    const port = await freePort();
    const name = `icp-it-console-${randomBytes(3).toString("hex")}`;
    runDetached(
      name,
      ref,
      stackEnv(stack.env, KafkaPrincipals.console, {
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        CONSOLE_URL: `http://127.0.0.1:${port}`,
        ...(stack.env.AUTH_SECRET ? { AUTH_SECRET: stack.env.AUTH_SECRET } : {}),
      }),
      stack.env.KAFKA_SSL_CA_FILE,
    );
    const base = `http://127.0.0.1:${port}`;
    const ready = await until(
      "the console's /api/health/ready",
      async () => {
        const r = await getJson(`${base}/api/health/ready`);
        return r.status === 200 ? r : undefined;
      },
      120_000,
      () => logsOf(name),
    );
    expect(ready.status).toBe(200);
    expect((await getJson(`${base}/api/health/live`)).status).toBe(200);
    // The release build: the local dev sign-in is compiled out, the sign-in page is served.
    const signIn = await fetch(`${base}/api/auth/providers`);
    expect(signIn.status).toBe(200);
    expect(JSON.stringify(await signIn.json())).not.toMatch(/dev-login|credentials/i);

    checkLockdown(name, ref);
    const sleep = execIn(name, ["sh", "-c", "command -v sleep"]);
    expect(sleep.status, "preStop runs `sleep 10` in this image").toBe(0);

    // Next's standalone server closes its listener, waits for in-flight requests, then exits
    // with 128 + SIGTERM on purpose (next/dist/server/lib/start-server.js, `cleanup`): 143 is
    // its drained exit, not a kill (a SIGKILL at the grace period's end would be 137).
    const { code, seconds } = terminate(name, 30);
    expect(code, logsOf(name)).toBe(143);
    expect(seconds).toBeLessThan(30);
  }, 300_000);
});

describe("sap-sandbox image", () => {
  it("serves /health, is locked down, and exits 0 on SIGTERM", async () => {
    const ref = imageOf("sap-sandbox");
    const port = await freePort();
    const name = `icp-it-sandbox-${randomBytes(3).toString("hex")}`;
    const env = (await import("@icp/config")).loadEnv();
    runDetached(
      name,
      ref,
      // No business simulation (SANDBOX_TICK_MS=off): it must not publish SAP events into the
      // shared topics others' workers consume.
      {
        ICP_ENVIRONMENT: "ci",
        SANDBOX_PORT: String(port),
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_TICK_MS: "off",
        KAFKA_BROKERS: [env.KAFKA_BROKERS].flat().join(","),
        ...(env.KAFKA_SSL ? { KAFKA_SSL: "true", KAFKA_SSL_CA_FILE: CA_IN_CONTAINER } : {}),
        ...(env.KAFKA_SASL_MECHANISM ? { KAFKA_SASL_MECHANISM: env.KAFKA_SASL_MECHANISM } : {}),
        ...principalEnv(KafkaPrincipals.sapEvents),
      },
      env.KAFKA_SSL_CA_FILE,
    );
    const health = await until(
      "the sandbox's /health",
      async () => {
        const r = await getJson(`http://127.0.0.1:${port}/health`);
        return r.status === 200 ? r : undefined;
      },
      90_000,
      () => logsOf(name),
    );
    expect(health.body).toEqual({ status: "ok" });
    checkLockdown(name, ref);
    const { code, seconds } = terminate(name, 30);
    expect(code, logsOf(name)).toBe(0);
    expect(seconds).toBeLessThan(30);
  }, 180_000);
});
