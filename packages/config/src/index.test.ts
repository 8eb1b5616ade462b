import { describe, expect, it } from "vitest";
import { AUDIT_RETENTION_FLOOR_DAYS, EnvError, parseEnv } from "./index";

describe("env schema", () => {
  it("defaults to the local stack's loopback ports", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toContain("127.0.0.1:55432");
    expect(env.KAFKA_BROKERS).toEqual(["127.0.0.1:59092"]);
  });

  it("lists every problem at once, naming the variable", () => {
    expect(() => parseEnv({ SAP_CLIENT: "1", SAP_TIMEOUT_MS: "-5" })).toThrowError(EnvError);
    try {
      parseEnv({ SAP_CLIENT: "1", SAP_TIMEOUT_MS: "-5" });
    } catch (e) {
      expect((e as EnvError).issues.join("\n")).toMatch(/SAP_CLIENT[\s\S]*SAP_TIMEOUT_MS/);
    }
  });

  it("refuses an SAP user name longer than SAP allows (12 characters)", () => {
    expect(parseEnv({}).SAP_USERNAME.length).toBeLessThanOrEqual(12);
    expect(parseEnv({ SAP_USERNAME: "ICP_RFC_USER" }).SAP_USERNAME).toBe("ICP_RFC_USER");
    expect(() => parseEnv({ SAP_USERNAME: "ICP_INTEGRATION" })).toThrowError(
      /SAP_USERNAME: an SAP user name has at most 12 characters/,
    );
  });

  it("refuses to start a deployed environment without an auth secret and OIDC", () => {
    expect(() => parseEnv({ ICP_ENVIRONMENT: "prod" })).toThrowError(
      /AUTH_SECRET: required in prod[\s\S]*OIDC_ISSUER/,
    );
  });

  it("refuses the development sign-in outside local and ci", () => {
    const deployed = {
      ICP_ENVIRONMENT: "stage",
      DATABASE_URL: "postgresql://db.internal/icp",
      REDIS_URL: "redis://redis.internal:6379",
      MONGODB_URL: "mongodb://mongo.internal/storefront",
      KAFKA_BROKERS: "kafka.internal:9092",
      KAFKA_SSL: "true",
      KAFKA_SASL_MECHANISM: "scram-sha-512",
      KAFKA_SASL_USERNAME: "icp-console",
      KAFKA_SASL_PASSWORD: "k",
      SAP_BASE_URL: "https://s4.internal",
      SAP_USERNAME: "ICP_RFC",
      SAP_PASSWORD: "p",
      CONSOLE_URL: "https://icp.example.com",
      AUTH_SECRET: "x".repeat(32),
      OIDC_ISSUER: "https://idp.example.com",
      OIDC_CLIENT_ID: "console",
      OIDC_CLIENT_SECRET: "s",
      SIGNING_KEY_SECRET: "k".repeat(32),
      METRICS_TOKEN: "m".repeat(32),
    };
    expect(() => parseEnv({ ...deployed, DEV_LOGIN: "on" })).toThrowError(/DEV_LOGIN/);
    expect(parseEnv(deployed).ICP_ENVIRONMENT).toBe("stage");
    const { METRICS_TOKEN: _, ...noMetricsToken } = deployed;
    expect(() => parseEnv(noMetricsToken)).toThrowError(/METRICS_TOKEN: required in stage/);
  });

  it("keeps the audit log for ever unless AUDIT_RETENTION_DAYS says otherwise, never below the floor", () => {
    expect(AUDIT_RETENTION_FLOOR_DAYS).toBe(30);
    expect(parseEnv({}).AUDIT_RETENTION_DAYS).toBe(0);
    expect(parseEnv({ AUDIT_RETENTION_DAYS: "0" }).AUDIT_RETENTION_DAYS).toBe(0);
    expect(parseEnv({ AUDIT_RETENTION_DAYS: "30" }).AUDIT_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ AUDIT_RETENTION_DAYS: "400" }).AUDIT_RETENTION_DAYS).toBe(400);
    for (const bad of ["29", "1", "-5"]) {
      expect(() => parseEnv({ AUDIT_RETENTION_DAYS: bad })).toThrowError(
        /AUDIT_RETENTION_DAYS: must be 0 \(keep the audit log for ever\) or at least 30 days/,
      );
    }
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "30.5" })).toThrowError(/AUDIT_RETENTION_DAYS/);
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "a year" })).toThrowError(/AUDIT_RETENTION_DAYS/);
  });
});
