/**
 * The log shipper (k8s/platform/logging/config.yaml) run for real: scripts/otelcol.sh builds the
 * OpenTelemetry Collector with ocb from the Go module proxy (cached in .local/bin), and it ships
 * the apps' OWN log lines — captured from a real worker, a real SAP sandbox and the console's
 * logger wiring (tests/logging/console-lines.ts), wrapped as kubelet writes them (CRI, with a
 * line split into partials; docker's JSON) under a /var/log/pods tree — to a small HTTP server
 * speaking Elasticsearch's `_bulk` API. Checked: every line arrives once, parsed, with
 * @timestamp, log.level, service.name, message and the fields the runbook (docs/runbook.md) and
 * the alerts (k8s/base/prometheusrule.yaml) use; the error counter the alert queries; and a span
 * sent to the OTLP receiver arrives too (one collector, both pipelines).
 * If the collector cannot be built, the test fails with the builder's output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CONFIG = resolve(ROOT, "k8s/platform/logging/config.yaml");

type Doc = Record<string, unknown>;
type Line = Record<string, unknown> & { "@timestamp": string; "log.level": string; message: string };
interface Shipped {
  index: string;
  doc: Doc;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? ok(a.port) : fail(new Error("no port"))));
    });
  });
}

/** Runs a command to its end; stdout and stderr kept separately. */
function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const t = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(t);
      ok({ code, stdout, stderr });
    });
  });
}

/** Starts a process, waits until `done(lines)` or the timeout, then SIGTERMs it; its output lines. */
async function capture(
  args: string[],
  env: NodeJS.ProcessEnv,
  done: (out: string[]) => boolean,
  timeoutMs: number,
  during?: () => Promise<void>,
): Promise<{ stdout: string[]; stderr: string[] }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (err += d));
  const exited = new Promise((r) => child.on("exit", r));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null && !done(out.split("\n").filter(Boolean)))
    await new Promise((r) => setTimeout(r, 100));
  if (during && child.exitCode === null) await during();
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
  const lines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");
  return { stdout: lines(out), stderr: lines(err) };
}

/**
 * Why a real data stream would refuse one `_bulk` item, or undefined: only `create` is allowed in a
 * data stream; `@timestamp` is required; and dynamic mapping refuses a field that is an object in
 * one place and a value in another (`error: "text"` beside `error.type`, in this document or
 * in an earlier one of the same index: `mapping` is that index's fields so far).
 */
function refusal(op: string, doc: Doc, mapping: Map<string, "object" | "value">): string | undefined {
  if (op !== "create")
    return `only write ops with an op_type of create are allowed in data streams (got ${op})`;
  if (doc["@timestamp"] === undefined) return "data stream timestamp field [@timestamp] is missing";
  const seen = new Map<string, "object" | "value">();
  const walk = (o: Doc, prefix: string): string | undefined => {
    for (const [k, v] of Object.entries(o)) {
      const parts = (prefix ? `${prefix}.${k}` : k).split(".");
      // "a.b" as a key is object a with field b, as in Elasticsearch.
      for (let i = 1; i <= parts.length; i++) {
        const path = parts.slice(0, i).join(".");
        const kind =
          i < parts.length || (v && typeof v === "object" && !Array.isArray(v)) ? "object" : "value";
        const had = seen.get(path) ?? mapping.get(path);
        if (had && had !== kind)
          return `mapper_parsing_exception: [${path}] is mapped as ${had === "object" ? "an object" : "a value"}, got ${kind === "object" ? "an object" : "a value"}`;
        seen.set(path, kind);
      }
      if (v && typeof v === "object" && !Array.isArray(v)) {
        const why = walk(v as Doc, parts.join("."));
        if (why) return why;
      }
    }
    return undefined;
  };
  const why = walk(doc, "");
  if (!why) for (const [path, kind] of seen) mapping.set(path, kind);
  return why;
}

/**
 * The Elasticsearch `_bulk` API as far as the exporter uses it (a test double; the collector is
 * tested), refusing per item what a data stream refuses (`refusal`): accepted documents go to
 * `shipped`, refused ones to `refused` with the reason.
 */
function fakeElasticsearch(shipped: Shipped[], refused: (Shipped & { reason: string })[]): Server {
  const mappings = new Map<string, Map<string, "object" | "value">>();
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "x-elastic-product": "Elasticsearch" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" || req.method === "HEAD")
        return reply(200, {
          version: { number: "8.17.0", build_flavor: "default" },
          tagline: "You Know, for Search",
        });
      if (req.method !== "POST" || !req.url?.startsWith("/_bulk")) return reply(404, { error: "not found" });
      const raw = Buffer.concat(chunks);
      const text = (req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
      const rows = text.split("\n").filter(Boolean);
      const items = [];
      for (let i = 0; i < rows.length; i += 2) {
        const action = JSON.parse(rows[i] ?? "{}") as Record<string, { _index?: string }>;
        const [op, meta] = Object.entries(action)[0] ?? ["create", {}];
        const index = meta._index ?? "";
        const doc = JSON.parse(rows[i + 1] ?? "{}") as Doc;
        const mapping = mappings.get(index) ?? new Map<string, "object" | "value">();
        mappings.set(index, mapping);
        const reason = refusal(op, doc, mapping);
        if (reason) {
          refused.push({ index, doc, reason });
          items.push({
            [op]: { _index: index, status: 400, error: { type: "illegal_argument_exception", reason } },
          });
        } else {
          shipped.push({ index, doc });
          items.push({ [op]: { _index: index, status: 201 } });
        }
      }
      reply(200, { took: 1, errors: items.some((it) => Object.values(it)[0]?.status !== 201), items });
    });
  });
}

/** `{ a: { b: 1 } }` → `{ "a.b": 1 }` (Elasticsearch sees both spellings as one field). */
function flatten(o: Doc, prefix = "", out: Doc = {}): Doc {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) flatten(v as Doc, key, out);
    else out[key] = v;
  }
  return out;
}

const ms = (t: unknown) => Date.parse(String(t).replace(/(\.\d{3})\d+/, "$1"));

/** kubelet's CRI file format: `<time> <stream> <F|P> <text>`; a long line split into partials. */
function cri(lines: { text: string; stream: string }[]): string {
  const now = new Date().toISOString().replace("Z", "123456Z");
  let out = "";
  lines.forEach(({ text, stream }, i) => {
    if (i === 0 && text.length > 40) {
      const cut = Math.floor(text.length / 2);
      out += `${now} ${stream} P ${text.slice(0, cut)}\n${now} ${stream} F ${text.slice(cut)}\n`;
    } else out += `${now} ${stream} F ${text}\n`;
  });
  return out;
}
/** docker's json-file format. */
function dockerJson(lines: { text: string; stream: string }[]): string {
  const time = new Date().toISOString();
  return lines.map(({ text, stream }) => `${JSON.stringify({ log: `${text}\n`, stream, time })}\n`).join("");
}

const shipped: Shipped[] = [];
const refused: (Shipped & { reason: string })[] = [];
const apps: Record<"console" | "worker" | "sap-sandbox", Line[]> = {
  console: [],
  worker: [],
  "sap-sandbox": [],
};
let es: Server | undefined;
let collector: ChildProcess | undefined;
let collectorLog = "";
let tmp = "";
let ports = { es: 0, health: 0, otlpHttp: 0, otlpGrpc: 0, metrics: 0 };
let buildSeconds = 0;

function stackEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const file = resolve(ROOT, ".local/stack.env");
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m?.[1] && env[m[1]] === undefined) env[m[1]] = m[2]?.replace(/^'(.*)'$/, "$1");
  }
  return env;
}

function parseJsonLines(where: string, lines: string[]): Line[] {
  return lines.map((l) => {
    try {
      return JSON.parse(l) as Line;
    } catch {
      throw new Error(`${where} wrote a line that is not JSON (so not ECS): ${l}`);
    }
  });
}

beforeAll(async () => {
  // 1. The collector, built from the Go module proxy (cached by version + manifest hash).
  const t0 = Date.now();
  const built = await run("bash", [resolve(ROOT, "scripts/otelcol.sh")], { timeoutMs: 40 * 60_000 });
  buildSeconds = (Date.now() - t0) / 1000;
  const bin = /^OTELCOL=(.+)$/m.exec(built.stdout)?.[1];
  if (built.code !== 0 || !bin)
    throw new Error(
      `scripts/otelcol.sh failed (exit ${built.code}): the OpenTelemetry Collector could not be built from the Go module proxy.\n${built.stderr.slice(-4000)}`,
    );

  // 2. The apps' own lines.
  const closed = await freePort(); // nothing listens there: Kafka is unreachable
  const sandboxPort = await freePort();
  const sandbox = await capture(
    ["apps/sap-sandbox/src/main.ts"],
    {
      ...process.env,
      SANDBOX_EVENTS: "off",
      SANDBOX_TICK_MS: "off",
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
    (out) => out.some((l) => l.includes("SAP sandbox listening")),
    60_000,
    async () => {
      const base = `http://127.0.0.1:${sandboxPort}`;
      await fetch(`${base}/health`).then((r) => r.text());
      await fetch(`${base}/sap/opu/odata/sap/NO_SUCH_SRV/Nothing`).then((r) => r.text());
    },
  );
  apps["sap-sandbox"] = parseJsonLines("the SAP sandbox", [...sandbox.stdout, ...sandbox.stderr]);

  // The worker against the stack's MongoDB and PostgreSQL with its Kafka unreachable: kafkajs'
  // own warnings and connection errors, from the worker process, through its logger.
  const workerEnv: NodeJS.ProcessEnv = {
    ...stackEnv(),
    ICP_ENVIRONMENT: "beta",
    LOG_LEVEL: "info",
    KAFKA_BROKERS: `127.0.0.1:${closed}`,
    KAFKA_GROUP_SUFFIX: `-logging-${process.pid}`,
    WORKER_PORT: String(await freePort()),
    SAP_BASE_URL: `http://127.0.0.1:${closed}`,
    SAP_USERNAME: "ICP_RFC_USER",
    SAP_PASSWORD: "not-used",
  };
  delete workerEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
  const worker = await capture(
    ["apps/worker/src/main.ts"],
    workerEnv,
    (out) => out.filter((l) => l.includes('"log.logger":"kafkajs"')).length >= 6,
    45_000,
  );
  apps.worker = parseJsonLines("the worker", [...worker.stdout, ...worker.stderr]);

  const consoleRun = await run(
    process.execPath,
    ["--import", "tsx", "tests/logging/console-lines.ts", String(closed)],
    {
      timeoutMs: 60_000,
    },
  );
  apps.console = parseJsonLines(
    "the console's logger",
    [...consoleRun.stdout.split("\n"), ...consoleRun.stderr.split("\n")].filter((l) => l.trim() !== ""),
  );

  // 3. As kubelet writes them: CRI for the console and the worker, docker's JSON for the sandbox.
  tmp = mkdtempSync(join(tmpdir(), "icp-logging-"));
  const pod = (app: string, file: string, body: string) => {
    const dir = join(
      tmp,
      `var/log/pods/icp-beta_icp-${app}-5f7c9d_0a1b2c3d-4e5f-6789-abcd-${app.length}0000000000/${app}`,
    );
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, file), body);
  };
  const asInput = (lines: Line[]) => lines.map((l) => ({ text: JSON.stringify(l), stream: "stdout" }));
  pod("console", "0.log", cri(asInput(apps.console)));
  pod("worker", "0.log", cri(asInput(apps.worker)));
  pod("sap-sandbox", "0.log", dockerJson(asInput(apps["sap-sandbox"])));
  // Another namespace's pod: not shipped (the include pattern is icp-* only).
  const other = join(tmp, "var/log/pods/kube-system_coredns-1_11111111-2222-3333-4444-555555555555/coredns");
  mkdirSync(other, { recursive: true });
  writeFileSync(
    join(other, "0.log"),
    cri([{ text: "[INFO] plugin/reload: Running configuration", stream: "stdout" }]),
  );

  // 4. Elasticsearch's double and the collector with the committed config.
  ports = {
    es: await freePort(),
    health: await freePort(),
    otlpHttp: await freePort(),
    otlpGrpc: await freePort(),
    metrics: await freePort(),
  };
  es = fakeElasticsearch(shipped, refused);
  await new Promise<void>((r) => es?.listen(ports.es, "127.0.0.1", r));
  collector = spawn(bin, [`--config=${CONFIG}`], {
    cwd: tmp,
    env: {
      PATH: process.env.PATH,
      ES_ENDPOINT: `http://127.0.0.1:${ports.es}`,
      ES_USER: "elastic",
      ES_PASSWORD: "test-password",
      OTELCOL_LOG_ROOT: tmp,
      OTELCOL_STATE_DIR: join(tmp, "state"),
      OTELCOL_HOST: "127.0.0.1",
      OTELCOL_HEALTH_PORT: String(ports.health),
      OTELCOL_OTLP_HTTP_PORT: String(ports.otlpHttp),
      OTELCOL_OTLP_GRPC_PORT: String(ports.otlpGrpc),
      OTELCOL_METRICS_PORT: String(ports.metrics),
      OTELCOL_FLUSH_INTERVAL: "200ms",
      OTELCOL_BATCH_TIMEOUT: "200ms",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  collector.stdout?.on("data", (d) => (collectorLog += d));
  collector.stderr?.on("data", (d) => (collectorLog += d));
  const expected = apps.console.length + apps.worker.length + apps["sap-sandbox"].length;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && collector.exitCode === null && shipped.length + refused.length < expected)
    await new Promise((r) => setTimeout(r, 200));
  if (collector.exitCode !== null)
    throw new Error(
      `the collector exited (${collector.exitCode}) with the committed config:\n${collectorLog.slice(-4000)}`,
    );
  await new Promise((r) => setTimeout(r, 1500)); // anything beyond the expected count shows up too
}, 45 * 60_000);

afterAll(async () => {
  if (collector && collector.exitCode === null) {
    collector.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 2000));
    if (collector.exitCode === null) collector.kill("SIGKILL");
  }
  await new Promise((r) => (es ? es.close(r) : r(undefined)));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const logDocs = () => shipped.filter((s) => s.index === "logs-icp-default").map((s) => flatten(s.doc));

describe("log shipping (OpenTelemetry Collector, committed config) on the apps' own lines", () => {
  it("captured real lines from each app, all ECS JSON, including third-party ones", () => {
    console.info(
      `collector ready in ${buildSeconds.toFixed(1)} s (scripts/otelcol.sh); lines: console ${apps.console.length}, worker ${apps.worker.length}, sap-sandbox ${apps["sap-sandbox"].length}`,
    );
    expect(apps.console.length).toBeGreaterThanOrEqual(6);
    expect(apps.worker.length).toBeGreaterThanOrEqual(3);
    expect(apps["sap-sandbox"].length).toBeGreaterThanOrEqual(3);
    const all = [...apps.console, ...apps.worker, ...apps["sap-sandbox"]];
    for (const l of all) {
      expect(Date.parse(l["@timestamp"]), JSON.stringify(l)).not.toBeNaN();
      expect(typeof l["log.level"], JSON.stringify(l)).toBe("string");
      if ("error" in l) expect(typeof l.error, JSON.stringify(l)).toBe("object");
    }
    const loggers = new Set(all.map((l) => l["log.logger"]));
    for (const source of ["kafkajs", "next-auth", "node"]) expect(loggers, source).toContain(source);
    // The worker's kafkajs lines come from the worker process itself.
    expect(apps.worker.some((l) => l["log.logger"] === "kafkajs" && l["log.level"] === "error")).toBe(true);
    // Fastify's request logs in the sandbox.
    expect(apps["sap-sandbox"].some((l) => l.message === "request completed")).toBe(true);
  });

  it("ships every line exactly once, to the logs data stream, nothing from other namespaces", () => {
    const docs = logDocs();
    const input = [...apps.console, ...apps.worker, ...apps["sap-sandbox"]];
    // Nothing a real data stream would refuse (op type, @timestamp, object/value mapping conflicts).
    expect(refused.map((r) => `${r.index}: ${r.reason} ${JSON.stringify(r.doc)}`)).toEqual([]);
    expect(docs.length, collectorLog.slice(-2000)).toBe(input.length);
    expect(shipped.filter((s) => s.index.startsWith("logs-")).length).toBe(input.length);
    expect(docs.some((d) => String(d.message).includes("plugin/reload"))).toBe(false);
  });

  it("parses each line: @timestamp (the app's), log.level, service.name, message, error.*, trace ids", () => {
    const docs = logDocs();
    for (const [service, lines] of Object.entries(apps)) {
      const mine = docs.filter((d) => d["service.name"] === service);
      expect(mine.length, service).toBe(lines.length);
      for (const line of lines) {
        const doc = mine.find(
          (d) => d.message === line.message && ms(d["@timestamp"]) === Date.parse(line["@timestamp"]),
        );
        expect(doc, `${service}: ${JSON.stringify(line)}`).toBeDefined();
        if (!doc) continue;
        expect(doc["log.level"]).toBe(line["log.level"]);
        const flat = flatten(line);
        for (const key of [
          "trace.id",
          "http.request.id",
          "labels.order_id",
          "error.type",
          "error.message",
          "event.code",
        ])
          if (flat[key] !== undefined) expect(doc[key], `${service} ${key}`).toBe(flat[key]);
        expect(doc["kubernetes.namespace"]).toBe("icp-beta");
        expect(doc["kubernetes.container.name"]).toBe(service);
        expect(doc["kubernetes.pod.name"]).toBe(`icp-${service}-5f7c9d`);
        // ECS, not the OTel mapping's attributes.* / resource.* / body.* nesting; no JSON text left.
        for (const k of Object.keys(doc))
          expect(k, service).not.toMatch(/^(attributes|resource|body|scope)\./);
        expect(String(doc.message).startsWith("{")).toBe(false);
        expect(doc).not.toHaveProperty("logtag");
      }
    }
  });

  it("carries every field the runbook filters on, and the runbook names the data stream it is shipped to", () => {
    const runbook = readFileSync(resolve(ROOT, "docs/runbook.md"), "utf8");
    const fields = new Set(["message"]);
    // ECS field sets (topic names such as orders.dlq are not log fields)
    for (const m of runbook.matchAll(/`([a-z_]+(?:\.[a-z_]+)+)(?::[^`]*)?`/g))
      if (m[1] && /^(service|log|trace|span|http|error|event|labels|kubernetes|url|process)\./.test(m[1]))
        fields.add(m[1]);
    expect([...fields]).toEqual(
      expect.arrayContaining(["service.name", "log.level", "trace.id", "error.type"]),
    );
    const docs = logDocs();
    for (const f of fields)
      expect(
        docs.some((d) => d[f] !== undefined && d[f] !== ""),
        `runbook field ${f}`,
      ).toBe(true);
    // The runbook's service.name values are what the apps log.
    for (const m of runbook.matchAll(/service\.name:([a-z][\w-]*)/g))
      expect(
        docs.some((d) => d["service.name"] === m[1]),
        `service.name:${m[1]}`,
      ).toBe(true);
    expect(runbook).toContain("`logs-icp-*`");
  });

  it("counts error and fatal records per service and namespace for IcpErrorLogRateHigh", async () => {
    const text = await fetch(`http://127.0.0.1:${ports.metrics}/metrics`).then((r) => r.text());
    const count = (service: string) => {
      const re = /^log_metric_counter_icp_error_logs\{([^}]*)\} (\S+)/gm;
      let total = 0;
      for (const m of text.matchAll(re))
        if (m[1]?.includes(`service_name="${service}"`) && m[1].includes('k8s_namespace_name="icp-beta"'))
          total += Number(m[2]);
      return total;
    };
    for (const [service, lines] of Object.entries(apps)) {
      const errors = lines.filter((l) => ["error", "fatal"].includes(l["log.level"])).length;
      expect(count(service), `${service}\n${text.slice(0, 2000)}`).toBe(errors);
    }
    expect(count("worker")).toBeGreaterThan(0);
    // The alert and the dashboard query this name with these labels (namespace after relabelling).
    const rule = readFileSync(resolve(ROOT, "k8s/base/prometheusrule.yaml"), "utf8");
    expect(rule).toMatch(
      /sum by \(namespace, service_name\) \(rate\(log_metric_counter_icp_error_logs\[5m\]\)\)/,
    );
  });

  it("receives the apps' spans over OTLP/HTTP and ships them to the traces data stream", async () => {
    const traceId = "5b8efff798038103d269b633813fc60c";
    const now = BigInt(Date.now()) * 1_000_000n;
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "icp-worker" } }] },
          scopeSpans: [
            {
              scope: { name: "@icp/observability" },
              spans: [
                {
                  traceId,
                  spanId: "eee19b7ec3c1b174",
                  name: "sap.create_sales_order",
                  kind: 3,
                  startTimeUnixNano: String(now - 5_000_000n),
                  endTimeUnixNano: String(now),
                },
              ],
            },
          ],
        },
      ],
    };
    const res = await fetch(`http://127.0.0.1:${ports.otlpHttp}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 20_000;
    const find = () =>
      shipped.find((s) => s.index === "traces-icp-default" && flatten(s.doc)["trace.id"] === traceId);
    while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const span = find();
    expect(span, collectorLog.slice(-2000)).toBeDefined();
    expect(flatten(span?.doc ?? {})["service.name"]).toBe("icp-worker");
  });
});
