import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SecretError, Secrets } from "./secrets";

describe("secrets loader", () => {
  it("reads env and Vault Agent files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secrets-"));
    writeFileSync(join(dir, "hook"), "whsec_abc\n");
    const s = new Secrets({ env: { HOOK: "from-env" } });
    expect(await s.get("env:HOOK")).toBe("from-env");
    expect(await s.get(`file:${join(dir, "hook")}`)).toBe("whsec_abc");
  });

  it("reads a field of a Vault KV v2 secret over HTTP", async () => {
    const server = createServer((req, res) => {
      if (req.headers["x-vault-token"] !== "t0k" || req.url !== "/v1/kv/data/icp/webhooks")
        return void res.writeHead(403).end();
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ data: { data: { storefront: "whsec_vault" } } }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    try {
      const s = new Secrets({ vault: { addr: `http://127.0.0.1:${port}`, token: "t0k" } });
      expect(await s.get("vault:kv/data/icp/webhooks#storefront")).toBe("whsec_vault");
      await expect(
        new Secrets({ vault: { addr: `http://127.0.0.1:${port}`, token: "bad" } }).get(
          "vault:kv/data/icp/webhooks#storefront",
        ),
      ).rejects.toThrow("Vault answered 403");
    } finally {
      server.close();
    }
  });

  it("fails with the reference but never a value", async () => {
    const err = await new Secrets({ env: {} }).get("env:MISSING").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretError);
    expect((err as Error).message).toBe("secret env:MISSING: environment variable is not set");
  });
});
