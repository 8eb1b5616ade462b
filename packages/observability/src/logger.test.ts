import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrlCredentials, withLogContext } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      cb();
    },
  });
  return { lines, logger: createLogger({ service: "test", destination }) };
}

describe("logger", () => {
  it("writes ECS fields with the request, trace and order ids of the current context", () => {
    const { lines, logger } = capture();
    withLogContext({ requestId: "req-1", traceId: "trace-1", orderId: "SF-1" }, () => logger.info("hello"));
    expect(lines[0]).toMatchObject({
      message: "hello",
      "log.level": "info",
      "service.name": "test",
      "http.request.id": "req-1",
      "trace.id": "trace-1",
      "labels.order_id": "SF-1",
    });
    expect(typeof lines[0]?.["@timestamp"]).toBe("string");
  });

  it("never writes secrets: passwords, tokens, authorization headers, URL credentials", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        sap: {
          password: "hunter2",
          clientSecret: "s3cr3t",
          auth: { key: "PRIVATE-PEM", passphrase: "pp-1" },
        },
        env: {
          SAP_OAUTH_CLIENT_SECRET: "oauth-s",
          SAP_TLS_CLIENT_KEY: "KEY-PEM",
          SAP_TLS_CLIENT_KEY_PASSPHRASE: "pp-2",
        },
        req: { headers: { authorization: "Basic aGVsbG8=", cookie: "SAP_SESSIONID=abc" } },
        token: "eyJhbGciOi",
      },
      "connecting to postgresql://icp:topsecret@db:5432/icp",
    );
    logger.error({ err: new Error("connect failed for redis://default:pw123@cache:6379") }, "boom");
    const text = JSON.stringify(lines);
    for (const secret of [
      "hunter2",
      "s3cr3t",
      "aGVsbG8=",
      "SAP_SESSIONID=abc",
      "eyJhbGciOi",
      "topsecret",
      "pw123",
      "PRIVATE-PEM",
      "pp-1",
      "oauth-s",
      "KEY-PEM",
      "pp-2",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[REDACTED]");
  });

  it("masks only the password part of a URL", () => {
    expect(redactUrlCredentials("mongodb://u:p@h:1/db")).toBe("mongodb://u:[REDACTED]@h:1/db");
    expect(redactUrlCredentials("http://host/path")).toBe("http://host/path");
  });
});
