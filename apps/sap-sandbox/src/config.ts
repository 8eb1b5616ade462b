import { type KafkaConnection, kafkaConnection, type SandboxEnv } from "@icp/config";
import { PURCHASE_ORDER_CHECKS, type PurchaseOrderCheck } from "./http/faults";
import type { SandboxOptions } from "./sandbox";

/**
 * Sandbox settings from the environment and command line, parsed once at start-up (the only
 * place that reads `process.env`). Fails with every problem listed.
 */
export interface SandboxConfig {
  options: SandboxOptions;
  events: "kafka" | "off";
}

export class SandboxConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid sandbox configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "SandboxConfigError";
  }
}

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

export function parseSandboxConfig(
  env: Record<string, string | undefined>,
  argv: string[] = [],
): SandboxConfig {
  const problems: string[] = [];
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      if (v !== undefined) args.set(k ?? "", v);
      else args.set(k ?? "", argv[++i] ?? "");
    }
  }
  const int = (name: string, raw: string | undefined, fallback: number, min = 0): number => {
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      problems.push(`${name} must be an integer >= ${min}, got '${raw}'`);
      return fallback;
    }
    return n;
  };
  const scaleRaw = args.get("scale") ?? env.SANDBOX_SCALE;
  const scale = scaleRaw === undefined || scaleRaw === "" ? 1 : Number(scaleRaw);
  if (!(scale > 0)) problems.push(`SANDBOX_SCALE must be a positive number, got '${scaleRaw}'`);
  const products = int(
    "--products / SANDBOX_PRODUCTS",
    args.get("products") ?? env.SANDBOX_PRODUCTS,
    Math.round(2000 * (scale || 1)),
  );
  const customers = int(
    "--customers / SANDBOX_CUSTOMERS",
    args.get("customers") ?? env.SANDBOX_CUSTOMERS,
    Math.max(300, Math.round(300 * (scale || 1))),
  );
  const tickRaw = env.SANDBOX_TICK_MS;
  const tickMs = tickRaw === "off" ? 0 : int("SANDBOX_TICK_MS", tickRaw, 2000);
  const events = (env.SANDBOX_EVENTS ?? "kafka").toLowerCase();
  if (events !== "kafka" && events !== "off" && events !== "on")
    problems.push(`SANDBOX_EVENTS must be 'on', 'kafka' or 'off', got '${events}'`);
  const logLevel = (env.LOG_LEVEL ?? "info") as SandboxOptions["logLevel"];
  if (!LOG_LEVELS.includes(logLevel as (typeof LOG_LEVELS)[number]))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  const client = env.SAP_CLIENT ?? "100";
  if (!/^\d{3}$/.test(client)) problems.push("SAP_CLIENT is a three-digit client number");
  const options: SandboxOptions = {
    port: int("SANDBOX_PORT", args.get("port") ?? env.SANDBOX_PORT, 4004),
    // HTTP_HOST is the project-wide bind address (0.0.0.0 in pods); SANDBOX_HOST overrides it
    host: env.SANDBOX_HOST ?? env.HTTP_HOST ?? "127.0.0.1",
    seed: int("SANDBOX_SEED", args.get("seed") ?? env.SANDBOX_SEED, 20_240_601),
    products,
    customers,
    username: env.SAP_USERNAME ?? "ICP_RFC_USER",
    password: env.SAP_PASSWORD ?? "local-sandbox-password",
    oauthClientId: env.SANDBOX_OAUTH_CLIENT_ID ?? "icp-sandbox-client",
    oauthClientSecret: env.SANDBOX_OAUTH_CLIENT_SECRET ?? "local-sandbox-secret",
    adminToken: env.SANDBOX_ADMIN_TOKEN ?? "local-sandbox-admin",
    systemId: env.SANDBOX_SYSTEM_ID ?? "S4H",
    clients: [client],
    tickMs,
    pageSize: int("SANDBOX_PAGE_SIZE", env.SANDBOX_PAGE_SIZE, 1000, 1),
    logLevel,
    // The store lives in memory, but the control plane's database outlives a sandbox restart:
    // a number range that restarted at 1 would hand out sales order numbers already linked to
    // other orders. Start from the clock (ms, 10 digits like SAP's), so numbers only grow.
    firstSalesOrder: int(
      "SANDBOX_FIRST_SALES_ORDER",
      env.SANDBOX_FIRST_SALES_ORDER,
      (Date.now() % 8_000_000_000) + 1_000_000_000,
      1,
    ),
  };
  if (env.SAP_SPECS_DIR) options.specsDir = env.SAP_SPECS_DIR;
  const poCheck = env.SANDBOX_PURCHASE_ORDER_CHECK;
  if (poCheck !== undefined && poCheck !== "") {
    // the standard order's VOV8 "Check Purch.No." (some real systems leave it blank: `off`)
    if (PURCHASE_ORDER_CHECKS.includes(poCheck as PurchaseOrderCheck))
      options.salesDocumentTypes = { OR: { purchaseOrderCheck: poCheck as PurchaseOrderCheck } };
    else
      problems.push(
        `SANDBOX_PURCHASE_ORDER_CHECK must be one of ${PURCHASE_ORDER_CHECKS.join(", ")}, got '${poCheck}'`,
      );
  }
  const documentUrls = env.SANDBOX_DOCUMENT_URLS;
  if (documentUrls === "public" || documentUrls === "empty") options.documentUrls = documentUrls;
  else if (documentUrls !== undefined && documentUrls !== "")
    problems.push(`SANDBOX_DOCUMENT_URLS must be public or empty, got '${documentUrls}'`);
  if (problems.length > 0) throw new SandboxConfigError(problems);
  return {
    options,
    events: events === "off" ? "off" : "kafka",
  };
}

/**
 * The sandbox's settings from its parsed env (`loadSandboxEnv()`): its own variables through
 * `parseSandboxConfig`, and the Kafka connection it publishes SAP's events on (as SAP's event
 * bridge, principal icp-sap-events on a secured cluster).
 */
export function sandboxFromEnv(
  env: SandboxEnv,
  argv: string[] = [],
): { config: SandboxConfig; kafka: KafkaConnection; kafkaClientId: string } {
  const {
    KAFKA_BROKERS: _brokers,
    KAFKA_CLIENT_ID,
    KAFKA_GROUP_SUFFIX: _groupSuffix,
    KAFKA_SSL: _ssl,
    KAFKA_SSL_CA_FILE: _ca,
    KAFKA_SASL_MECHANISM: _mechanism,
    KAFKA_SASL_USERNAME: _username,
    KAFKA_SASL_PASSWORD: _password,
    ...own
  } = env;
  return {
    config: parseSandboxConfig(own, argv),
    kafka: kafkaConnection(env),
    kafkaClientId: KAFKA_CLIENT_ID,
  };
}
