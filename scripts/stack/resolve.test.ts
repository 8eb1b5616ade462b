import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./resolve.ts", import.meta.url));

function resolve(env: Record<string, string>) {
  const base = { PATH: process.env.PATH ?? "" };
  const r = spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { ...base, ...env },
    encoding: "utf8",
  });
  const vars = Object.fromEntries(
    r.stdout
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const i = l.indexOf("=");
        return [l.slice(0, i), l.slice(i + 2, -1)];
      }),
  );
  return { status: r.status, vars, stderr: r.stderr };
}

describe("scripts/stack/resolve.ts", () => {
  it("derives the stack's ports from the env schema defaults", () => {
    const r = resolve({});
    expect(r.status).toBe(0);
    expect(r.vars).toMatchObject({
      PG_PORT: "55432",
      PG_USER: "icp",
      PG_PASSWORD: "icp",
      PG_DATABASE: "icp",
      REDIS_PORT: "56379",
      KAFKA_PORT: "59092",
      FERRETDB_PORT: "57017",
    });
  });

  it("moves a server when its URL is overridden", () => {
    const r = resolve({ REDIS_URL: "redis://localhost:6390", KAFKA_BROKERS: "127.0.0.1:19092" });
    expect(r.status).toBe(0);
    expect(r.vars.REDIS_PORT).toBe("6390");
    expect(r.vars.KAFKA_PORT).toBe("19092");
  });

  it("refuses non-loopback hosts and several brokers", () => {
    const r = resolve({
      DATABASE_URL: "postgresql://icp:icp@db.example.com:5432/icp",
      KAFKA_BROKERS: "127.0.0.1:1,127.0.0.1:2",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("only serves 127.0.0.1");
    expect(r.stderr).toContain("runs one broker");
  });
});
