import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { kafkajsLogCreator, logProcessWarnings, nextAuthLogger } from "./third-party-logs";

function capture(service = "worker") {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      cb();
    },
  });
  return { lines, logger: createLogger({ service, level: "debug", destination }) };
}

/** ECS basics every line must carry, and no scalar `error` (it would clash with `error.*`). */
function expectEcs(line: Record<string, unknown> | undefined, level: string) {
  expect(line).toBeDefined();
  expect(Date.parse(String(line?.["@timestamp"]))).not.toBeNaN();
  expect(line?.["log.level"]).toBe(level);
  expect(line?.["service.name"]).toBe("worker");
  expect(typeof line?.message).toBe("string");
  if (line && "error" in line) expect(typeof line.error).toBe("object");
  expect(line).not.toHaveProperty("err");
}

describe("kafkajs through the ECS logger", () => {
  // Entries as kafkajs 2.2.4 hands them to a logCreator (src/loggers/index.js: the default
  // creator would print {"level":"ERROR","timestamp":…,"logger":"kafkajs","message":…,"error":…}).
  const connectionError = {
    namespace: "Connection",
    level: 1,
    label: "ERROR",
    log: {
      timestamp: "2026-12-05T10:00:00.000Z",
      logger: "kafkajs",
      message: "Connection error: connect ECONNREFUSED 127.0.0.1:9094",
      broker: "127.0.0.1:9094",
      clientId: "icp-worker",
      error: "connect ECONNREFUSED 127.0.0.1:9094",
      stack: "Error: connect ECONNREFUSED 127.0.0.1:9094\n    at TCPConnectWrap.afterConnect",
    },
  };

  it("writes @timestamp, log.level, service.name and the error as error.*, kafkajs' fields under kafka.*", () => {
    const { lines, logger } = capture();
    kafkajsLogCreator(logger)(1)(connectionError);
    expectEcs(lines[0], "error");
    expect(lines[0]).toMatchObject({
      message: "Connection error: connect ECONNREFUSED 127.0.0.1:9094",
      "log.logger": "kafkajs",
      "kafka.namespace": "Connection",
      "kafka.broker": "127.0.0.1:9094",
      "kafka.clientId": "icp-worker",
      error: {
        message: "connect ECONNREFUSED 127.0.0.1:9094",
        stack_trace: expect.stringContaining("TCPConnectWrap"),
      },
    });
    // kafkajs' own timestamp and logger name are not copied as conflicting fields.
    expect(lines[0]).not.toHaveProperty("timestamp");
    expect(lines[0]).not.toHaveProperty("logger");
    expect(lines[0]).not.toHaveProperty("level");
  });

  it("maps kafkajs' levels (ERROR 1, WARN 2, INFO 4, DEBUG 5) and keeps entries without an error", () => {
    const { lines, logger } = capture();
    const log = kafkajsLogCreator(logger)(5);
    for (const level of [1, 2, 4, 5])
      log({ namespace: "Consumer", level, label: "x", log: { message: `m${level}`, groupId: "icp.g" } });
    expect(lines.map((l) => l["log.level"])).toEqual(["error", "warn", "info", "debug"]);
    for (const l of lines) expect(l).not.toHaveProperty("error");
    expect(lines[2]).toMatchObject({ message: "m4", "kafka.groupId": "icp.g" });
  });

  it("masks credentials in kafkajs' error text and stack", () => {
    const { lines, logger } = capture();
    kafkajsLogCreator(logger)(1)({
      namespace: "Connection",
      level: 1,
      label: "ERROR",
      log: {
        message: "failed",
        error: "could not reach kafka://user:s3cret@broker:9094",
        // kafkajs' stack repeats the error text in its first line
        stack:
          "KafkaJSConnectionError: could not reach kafka://user:s3cret@broker:9094\n    at Connection.connect",
      },
    });
    expect(JSON.stringify(lines)).not.toContain("s3cret");
  });
});

describe("next-auth through the ECS logger", () => {
  it("logs errors with event.code and error.*, warnings and debug with the code only", () => {
    const { lines, logger } = capture();
    const log = nextAuthLogger(logger);
    const err = new Error("expected 200 OK, got: 401 Unauthorized");
    err.name = "OPError";
    log.error("OAUTH_CALLBACK_ERROR", { error: err, providerId: "oidc" });
    log.error("JWT_SESSION_ERROR", err);
    log.warn("NEXTAUTH_URL");
    log.debug("OAUTH_CALLBACK_RESPONSE", { tokens: { access_token: "at-123" } });
    expectEcs(lines[0], "error");
    expect(lines[0]).toMatchObject({
      "log.logger": "next-auth",
      "event.code": "OAUTH_CALLBACK_ERROR",
      error: { type: "OPError", message: "expected 200 OK, got: 401 Unauthorized" },
      message: "next-auth: expected 200 OK, got: 401 Unauthorized",
    });
    expect(lines[1]).toMatchObject({ "event.code": "JWT_SESSION_ERROR", error: { type: "OPError" } });
    expectEcs(lines[2], "warn");
    expect(lines[2]).toMatchObject({ "event.code": "NEXTAUTH_URL" });
    expectEcs(lines[3], "debug");
    expect(JSON.stringify(lines[3])).not.toContain("at-123");
  });
});

describe("Node process warnings through the ECS logger", () => {
  it("replaces Node's stderr printer with a warn record carrying error.type and event.code", () => {
    const { lines, logger } = capture();
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    const printed: string[] = [];
    proc.on("warning", (w: Error) => printed.push(w.message)); // stands in for Node's default
    const undo = logProcessWarnings(logger, proc);
    const w = new Error("Possible EventEmitter memory leak detected. 11 listeners added");
    w.name = "MaxListenersExceededWarning";
    Object.assign(w, { code: "DEP0000" });
    proc.emit("warning", w);
    expect(printed).toEqual([]);
    expectEcs(lines[0], "warn");
    expect(lines[0]).toMatchObject({
      "log.logger": "node",
      "event.code": "DEP0000",
      error: { type: "MaxListenersExceededWarning", code: "DEP0000" },
      message: "Possible EventEmitter memory leak detected. 11 listeners added",
    });
    undo();
    proc.emit("warning", new Error("after"));
    expect(printed).toEqual(["after"]);
    expect(lines).toHaveLength(1);
  });

  it("catches a real process warning", async () => {
    const { lines, logger } = capture();
    const undo = logProcessWarnings(logger);
    try {
      process.emitWarning("icp test warning", { type: "IcpTestWarning", code: "ICP001" });
      await new Promise((r) => setImmediate(r));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ message: "icp test warning", error: { type: "IcpTestWarning" } });
    } finally {
      undo();
    }
  });
});

describe("the logger's own errors are ECS error.*", () => {
  it("writes { err } as error.* and a scalar error as error.message", () => {
    const { lines, logger } = capture();
    logger.error({ err: new TypeError("bad") }, "one");
    logger.warn({ error: "plain text" }, "two");
    expect(lines[0]).toMatchObject({ error: { type: "TypeError", message: "bad" } });
    expect(lines[0]).not.toHaveProperty("err");
    expect(lines[1]).toMatchObject({ error: { message: "plain text" } });
  });
});
