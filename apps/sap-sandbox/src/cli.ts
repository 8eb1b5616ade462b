/**
 * Operates a running sandbox through its admin API.
 *   tsx src/cli.ts faults set --latency 200 --jitter 50 --error-rate 0.5 --status 503 [--service API_SALES_ORDER_SRV --method POST --path A_SalesOrder]
 *   tsx src/cli.ts faults set --rate-limit 0.2 --retry-after 2 | --timeout-rate 0.1 | --lost-response 0.3 | --max-concurrency 8 | --outage
 *   tsx src/cli.ts faults set --late-commit 1 --late-commit-ms 16000 --method POST --path A_SalesOrder | --lock-rate 0.3
 *   tsx src/cli.ts faults set --clock-skew -300000 (SAP 5 min behind) | --po-check off|warning|error
 *   tsx src/cli.ts faults get | faults clear | csrf expire | stats | reset | tick
 * Env: SANDBOX_URL (default http://127.0.0.1:4004), SANDBOX_ADMIN_TOKEN (default local-sandbox-admin).
 */
const FLAG_TO_FIELD: Record<string, string> = {
  latency: "latencyMs",
  jitter: "jitterMs",
  "error-rate": "errorRate",
  status: "errorStatus",
  "rate-limit": "rateLimitRate",
  "retry-after": "retryAfterSeconds",
  "timeout-rate": "timeoutRate",
  "lost-response": "lostResponseRate",
  "late-commit": "lateCommitRate",
  "late-commit-ms": "lateCommitMs",
  "lock-rate": "lockRate",
  "max-concurrency": "maxConcurrency",
  "clock-skew": "clockSkewMs",
};
const SCOPE_FLAGS: Record<string, string> = { service: "service", method: "method", path: "pathPrefix" };

export function faultBodyFromArgs(args: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const scope: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = (args[i] ?? "").replace(/^--/, "");
    if (flag === "outage") {
      body.outage = true;
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) throw new Error(`--${flag} needs a value`);
    i++;
    const field = FLAG_TO_FIELD[flag];
    const scoped = SCOPE_FLAGS[flag];
    if (flag === "po-check") body.purchaseOrderCheck = value;
    else if (field) body[field] = Number(value);
    else if (scoped) scope[scoped] = value;
    else throw new Error(`unknown flag --${flag}`);
  }
  if (Object.keys(scope).length > 0) body.scope = scope;
  return body;
}

async function main(argv: string[]): Promise<number> {
  const base = process.env.SANDBOX_URL ?? "http://127.0.0.1:4004";
  const token = process.env.SANDBOX_ADMIN_TOKEN ?? "local-sandbox-admin";
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/sandbox/admin/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    process.stdout.write(`${JSON.stringify(await res.json(), null, 2)}\n`);
    return res.ok ? 0 : 1;
  };
  const [cmd, sub, ...rest] = argv;
  switch (`${cmd ?? ""} ${sub ?? ""}`.trim()) {
    case "faults set":
      return call("PUT", "faults", faultBodyFromArgs(rest));
    case "faults get":
      return call("GET", "faults");
    case "faults clear":
      return call("DELETE", "faults");
    case "csrf expire":
      return call("POST", "csrf/expire");
    case "stats":
      return call("GET", "stats");
    case "reset":
      return call("POST", "reset");
    case "tick":
      return call("POST", "simulation/tick");
    default:
      process.stderr.write(
        "usage: cli.ts faults set|get|clear [flags] | csrf expire | stats | reset | tick\n",
      );
      return 2;
  }
}

if (process.argv[1]?.endsWith("cli.ts")) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
