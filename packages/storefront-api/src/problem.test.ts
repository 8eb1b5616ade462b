import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEMS, problem, problemTypeUri } from "./problem";

describe("the problem table", () => {
  it("gives each type its status and title; a refusal carries only its detail", () => {
    const p = problem("method-not-allowed", "PATCH is not supported here.", { headers: { Allow: "GET" } });
    expect(p.toProblem("/x")).toEqual({
      type: problemTypeUri("method-not-allowed"),
      title: "Method not allowed",
      status: 405,
      detail: "PATCH is not supported here.",
      instance: "/x",
    });
    expect(p.headers).toEqual({ Allow: "GET" });
  });

  it("holds one status per type, every one an error status", () => {
    for (const [type, spec] of Object.entries(PROBLEMS)) {
      expect(spec.status, type).toBeGreaterThanOrEqual(400);
      expect(spec.when.length, type).toBeGreaterThan(10);
    }
  });

  it("is the only place problems are assembled: no source builds one by hand", () => {
    const dir = new URL(".", import.meta.url).pathname;
    const sources = (readdirSync(dir, { recursive: true }) as string[]).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "problem.ts",
    );
    expect(sources).toContain("app.ts");
    const offenders = sources.filter((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      return /new ProblemError\(|application\/problem\+json"\s*[,}]|errors\.icp\.example\.com/.test(
        text.replace(/"application\/problem\+json":\s*\{/g, ""),
      );
    });
    expect(offenders).toEqual([]);
  });
});
