import { describe, expect, it } from "vitest";
import { createMetrics, scrapeAllowed } from "./metrics";

describe("metrics", () => {
  it("counts HTTP exchanges by route and status class, with durations", async () => {
    const m = createMetrics("test");
    m.observeHttp("storefront:orders", 202, 0.012);
    m.observeHttp("storefront:orders", 429, 0.001);
    const { body } = await m.render();
    const series = (name: string, ...labels: string[]) =>
      new RegExp(`^${name}\\{${labels.map((l) => `(?=[^}]*${l})`).join("")}[^}]*\\} ([\\d.]+)$`, "m");
    expect(
      body.match(series("icp_http_requests_total", 'route="storefront:orders"', 'status="2xx"'))?.[1],
    ).toBe("1");
    expect(
      body.match(series("icp_http_requests_total", 'route="storefront:orders"', 'status="4xx"'))?.[1],
    ).toBe("1");
    expect(body.match(series("icp_http_requests_total", 'service="test"'))).not.toBeNull();
    expect(
      body.match(series("icp_http_request_duration_seconds_count", 'route="storefront:orders"'))?.[1],
    ).toBe("2");
    expect(body).toMatch(/^icp_process_cpu_user_seconds_total/m);
  });

  it("lets a scrape through only with the configured bearer token", () => {
    expect(scrapeAllowed(null, undefined)).toBe(true);
    expect(scrapeAllowed(null, "t".repeat(32))).toBe(false);
    expect(scrapeAllowed(`Bearer ${"x".repeat(32)}`, "t".repeat(32))).toBe(false);
    expect(scrapeAllowed(`Bearer ${"t".repeat(31)}`, "t".repeat(32))).toBe(false);
    expect(scrapeAllowed(`Basic ${"t".repeat(32)}`, "t".repeat(32))).toBe(false);
    expect(scrapeAllowed(`Bearer ${"t".repeat(32)}`, "t".repeat(32))).toBe(true);
  });
});
