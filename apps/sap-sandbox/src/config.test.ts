import { describe, expect, it } from "vitest";
import { parseSandboxConfig, SandboxConfigError } from "./config";

describe("sandbox configuration", () => {
  it("has local defaults", () => {
    const c = parseSandboxConfig({});
    expect(c.options).toMatchObject({
      port: 4004,
      host: "127.0.0.1",
      products: 2000,
      customers: 300,
      tickMs: 2000,
      username: "ICP_RFC_USER",
    });
    expect(c.events).toBe("kafka");
  });

  it("scales data by SANDBOX_SCALE and --products, and turns things off", () => {
    expect(parseSandboxConfig({ SANDBOX_SCALE: "50" }).options).toMatchObject({
      products: 100_000,
      customers: 15_000,
    });
    expect(parseSandboxConfig({}, ["--products", "100000"]).options.products).toBe(100_000);
    expect(parseSandboxConfig({}, ["--products=5"]).options.products).toBe(5);
    const off = parseSandboxConfig({ SANDBOX_EVENTS: "off", SANDBOX_TICK_MS: "off" });
    expect(off.events).toBe("off");
    expect(off.options.tickMs).toBe(0);
  });

  it("sets the standard order's duplicate purchase-order check, or refuses an unknown setting", () => {
    expect(parseSandboxConfig({}).options.salesDocumentTypes).toBeUndefined();
    expect(parseSandboxConfig({ SANDBOX_PURCHASE_ORDER_CHECK: "off" }).options.salesDocumentTypes).toEqual({
      OR: { purchaseOrderCheck: "off" },
    });
    expect(() => parseSandboxConfig({ SANDBOX_PURCHASE_ORDER_CHECK: "maybe" })).toThrow(
      /SANDBOX_PURCHASE_ORDER_CHECK must be one of off, warning, error/,
    );
  });

  it("binds HTTP_HOST (0.0.0.0 in pods) unless SANDBOX_HOST says otherwise", () => {
    expect(parseSandboxConfig({ HTTP_HOST: "0.0.0.0" }).options.host).toBe("0.0.0.0");
    expect(parseSandboxConfig({ HTTP_HOST: "0.0.0.0", SANDBOX_HOST: "127.0.0.1" }).options.host).toBe(
      "127.0.0.1",
    );
  });

  it("lists every problem at once", () => {
    try {
      parseSandboxConfig({ SANDBOX_PORT: "x", SANDBOX_EVENTS: "maybe", SAP_CLIENT: "1" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SandboxConfigError);
      expect((err as SandboxConfigError).problems).toHaveLength(3);
    }
  });
});
