import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { storefrontAppEnv } from "../deployables";
import { storefrontApp } from "./storefront-app";

describe("the reference storefront's env", () => {
  it("runs locally on the defaults make up provisions, and reads nothing of the console's", () => {
    const env = storefrontAppEnv.parse({});
    expect(env.STOREFRONT_API_URL).toBe("http://127.0.0.1:3000/api/storefront/v1");
    expect(env.STOREFRONT_WEBHOOK_SECRETS).toHaveLength(1);
    for (const key of ["DATABASE_URL", "AUTH_SECRET", "SIGNING_KEY_SECRET", "KAFKA_BROKERS"])
      expect(storefrontAppEnv.keys).not.toContain(key);
  });

  it("verifies with the secret make up has the worker sign with (scripts/up.sh's WEBHOOK_SECRET_DEMO)", () => {
    const up = readFileSync(new URL("../../../../scripts/up.sh", import.meta.url), "utf8");
    const signed = /WEBHOOK_SECRET_DEMO="\$\{WEBHOOK_SECRET_DEMO:-(whsec_[^}]+)\}"/.exec(up)?.[1];
    expect(signed).toMatch(/^whsec_/);
    expect(storefrontAppEnv.parse({}).STOREFRONT_WEBHOOK_SECRETS).toEqual([signed]);
  });

  it("takes several webhook secrets (rotation) and refuses one that is not whsec_<base64>", () => {
    const two = storefrontAppEnv.parse({ STOREFRONT_WEBHOOK_SECRETS: "whsec_bmV3LXNlY3JldA==, whsec_b2xk" });
    expect(two.STOREFRONT_WEBHOOK_SECRETS).toEqual(["whsec_bmV3LXNlY3JldA==", "whsec_b2xk"]);
    expect(storefrontAppEnv.problems({ STOREFRONT_WEBHOOK_SECRETS: "plain-password" }).join()).toMatch(
      /STOREFRONT_WEBHOOK_SECRETS/,
    );
    expect(storefrontAppEnv.problems({ STOREFRONT_API_URL: "not a url" }).join()).toMatch(
      /STOREFRONT_API_URL/,
    );
  });

  it("a deployed storefront must bring its own client secret and webhook secret", () => {
    const problems = storefrontAppEnv.problems({ ICP_ENVIRONMENT: "prod" }).join("\n");
    expect(problems).toMatch(/STOREFRONT_CLIENT_SECRET/);
    expect(problems).toMatch(/STOREFRONT_WEBHOOK_SECRETS/);
    expect(
      storefrontAppEnv.problems({
        ICP_ENVIRONMENT: "prod",
        STOREFRONT_CLIENT_SECRET: "from-vault",
        STOREFRONT_WEBHOOK_SECRETS: "whsec_ZnJvbS12YXVsdA==",
      }),
    ).toEqual([]);
  });

  it("the README's storefront section names exactly the piece's variables", () => {
    const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
    const section = readme.slice(
      readme.indexOf("## The storefront side"),
      readme.indexOf("**Webhook endpoint lifecycle**"),
    );
    const named = [...new Set(section.match(/\bSTOREFRONT_[A-Z_]+\b/g) ?? [])].sort();
    expect(named).toEqual(Object.keys(storefrontApp.shape).sort());
  });
});
