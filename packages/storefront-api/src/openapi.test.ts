import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./openapi";
import { PROBLEM_TYPES, problemSpec, problemTypeUri } from "./problem";
import { problemsOf, ROUTES } from "./routes";

/**
 * The router and the OpenAPI document are built from one list of route descriptors; these
 * prove that they cannot drift: every route is documented with every status it may answer,
 * the document has nothing no route serves, and every problem type is one the table defines.
 */
const doc = buildOpenApi("/api/storefront/v1");
type Op = {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  parameters?: { name: string; in: string }[];
};
const paths = doc.paths as Record<string, Record<string, Op>>;
const ops = Object.entries(paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
);

describe("the OpenAPI document and the routes are one list", () => {
  it("documents every route with every status it declares or may answer as a problem", () => {
    for (const route of ROUTES) {
      const key = `${route.method} ${route.path}`;
      const op = paths[route.path]?.[route.method.toLowerCase()];
      expect(op, key).toBeDefined();
      const statuses = new Set([
        ...Object.keys(route.responses),
        ...problemsOf(route).map((t) => String(problemSpec(t).status)),
      ]);
      expect(Object.keys(op?.responses ?? {}).sort(), key).toEqual([...statuses].sort());
    }
  });

  it("has no operation that no route serves, and no route twice", () => {
    const served = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(served).size).toBe(served.length);
    expect(ops.map((o) => o.key).sort()).toEqual([...served].sort());
  });

  it("declares exactly the path parameters each template names", () => {
    for (const route of ROUTES) {
      const inTemplate = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(route.request?.params ?? {}), route.path).toEqual(inTemplate);
      const documented = paths[route.path]?.[route.method.toLowerCase()]?.parameters ?? [];
      expect(
        documented.filter((p) => p.in === "path").map((p) => p.name),
        route.path,
      ).toEqual(inTemplate);
    }
  });

  it("names only problem types of the table, each under its own status", () => {
    const known = new Set(PROBLEM_TYPES.map(problemTypeUri));
    for (const { key, op } of ops)
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content?.["application/problem+json"]?.schema as
          | { allOf: [unknown, { properties: { type: { enum: string[] }; status: { const: number } } }] }
          | undefined;
        if (!schema) continue;
        const { type, status: s } = schema.allOf[1].properties;
        for (const uri of type.enum) expect(known.has(uri), `${key} ${status}: ${uri}`).toBe(true);
        expect(s.const, `${key} ${status}`).toBe(Number(status));
      }
  });

  it("documents the 503 with Retry-After and the dependency on every operation", () => {
    for (const { key, op } of ops) {
      const r = op.responses["503"] as { headers?: Record<string, unknown> } | undefined;
      expect(r?.headers?.["Retry-After"], key).toBeDefined();
      expect(JSON.stringify(r), key).toContain(problemTypeUri("dependency-unavailable"));
    }
  });

  it("refers only to schemas it holds (components, never a schema's own $defs)", () => {
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThan(10);
    const schemas = doc.components.schemas as Record<string, unknown>;
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.split("/").at(-1) ?? ""], ref).toBeDefined();
    }
    expect(text).not.toContain("$defs");
  });

  it("every problem type in the table is answered somewhere", () => {
    const answered = new Set([
      ...ROUTES.flatMap(problemsOf),
      // The router's own, for a request that matches no route.
      "method-not-allowed",
    ]);
    expect(PROBLEM_TYPES.filter((t) => !answered.has(t))).toEqual([]);
  });
});
