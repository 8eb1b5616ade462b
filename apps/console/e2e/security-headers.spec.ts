import { expect, test } from "@playwright/test";
import { navTo, signInAs } from "./helpers";

test("every response carries the security headers, and the console runs under its CSP without violations", async ({
  page,
  request,
}) => {
  for (const path of ["/signin", "/api/health/live", "/api/storefront/v1/openapi.json"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("default-src 'self'");
    expect(h["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text()))
      violations.push(m.text());
  });
  await signInAs(page, "admin");
  for (const link of [
    "Kafka",
    "Queues",
    "Failures",
    "Order trace",
    "Resync",
    "Drift",
    "Replay",
    "Approvals",
    "Audit log",
    "Settings",
  ]) {
    await navTo(page, link);
  }
  expect(violations).toEqual([]);
});
