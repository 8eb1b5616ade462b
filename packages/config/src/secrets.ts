import { readFile } from "node:fs/promises";

/**
 * The one secrets loader. A secret is named by reference, never stored in the database or in
 * config in clear:
 *   - `file:/vault/secrets/webhook-storefront` — a file rendered by Vault Agent in Kubernetes;
 *   - `vault:kv/data/icp/webhooks#storefront`  — Vault KV v2 over HTTP (VAULT_ADDR + VAULT_TOKEN);
 *   - `env:WEBHOOK_SECRET_STOREFRONT`          — an environment variable, for local use.
 * Values are cached briefly so a rotation is picked up within a minute.
 */
export type SecretRef = `file:${string}` | `vault:${string}` | `env:${string}`;

export class SecretError extends Error {
  constructor(
    readonly ref: string,
    message: string,
  ) {
    super(`secret ${ref}: ${message}`);
    this.name = "SecretError";
  }
}

export interface SecretsOptions {
  env?: Record<string, string | undefined>;
  vault?: { addr: string; token: string; fetch?: typeof fetch };
  ttlMs?: number;
}

export class Secrets {
  private cache = new Map<string, { value: string; at: number }>();

  constructor(private readonly opts: SecretsOptions = {}) {}

  async get(ref: string): Promise<string> {
    const hit = this.cache.get(ref);
    if (hit && Date.now() - hit.at < (this.opts.ttlMs ?? 60_000)) return hit.value;
    const value = await this.load(ref);
    this.cache.set(ref, { value, at: Date.now() });
    return value;
  }

  private async load(ref: string): Promise<string> {
    const i = ref.indexOf(":");
    const scheme = ref.slice(0, i);
    const rest = ref.slice(i + 1);
    if (scheme === "env") {
      const v = (this.opts.env ?? process.env)[rest];
      if (!v) throw new SecretError(ref, "environment variable is not set");
      return v;
    }
    if (scheme === "file") {
      try {
        return (await readFile(rest, "utf8")).trim();
      } catch (e) {
        throw new SecretError(ref, `cannot read file (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
    if (scheme === "vault") {
      const vault = this.opts.vault;
      if (!vault) throw new SecretError(ref, "Vault is not configured (VAULT_ADDR, VAULT_TOKEN)");
      const [path, field] = rest.split("#");
      if (!path || !field) throw new SecretError(ref, "expected vault:<kv-v2 data path>#<field>");
      const res = await (vault.fetch ?? fetch)(`${vault.addr.replace(/\/$/, "")}/v1/${path}`, {
        headers: { "X-Vault-Token": vault.token },
      });
      if (!res.ok) throw new SecretError(ref, `Vault answered ${res.status}`);
      const body = (await res.json()) as { data?: { data?: Record<string, unknown> } };
      const v = body.data?.data?.[field];
      if (typeof v !== "string") throw new SecretError(ref, `field ${field} is missing`);
      return v;
    }
    throw new SecretError(ref, "unknown scheme (use file:, vault: or env:)");
  }
}
