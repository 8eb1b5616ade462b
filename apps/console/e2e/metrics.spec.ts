import { expect, test } from "@playwright/test";

/** The console's Prometheus endpoint counts storefront API and console API traffic. */
test("/api/metrics shows storefront and console API traffic after it happens", async ({ request }) => {
  const products = await request.get("/api/storefront/v1/products");
  expect(products.status()).toBe(401);
  const openapi = await request.get("/api/storefront/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  const anonymous = await request.get("/api/trpc/overview.flows");
  expect(anonymous.status()).toBe(401);

  const res = await request.get("/api/metrics");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  const value = (line: RegExp) =>
    Number(
      text
        .split("\n")
        .find((l) => line.test(l))
        ?.split(" ")
        .pop() ?? "0",
    );
  expect(
    value(/^icp_http_requests_total\{.*route="storefront:products".*status="4xx"/),
  ).toBeGreaterThanOrEqual(1);
  expect(
    value(/^icp_http_requests_total\{.*route="storefront:openapi.json".*status="2xx"/),
  ).toBeGreaterThanOrEqual(1);
  expect(value(/^icp_http_requests_total\{.*route="trpc".*status="4xx"/)).toBeGreaterThanOrEqual(1);
  expect(value(/^icp_trpc_errors_total\{.*code="UNAUTHORIZED"/)).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(/^icp_http_request_duration_seconds_bucket\{.*route="storefront:products"/m);
  expect(text).toMatch(/^icp_process_cpu_user_seconds_total/m);
});
