import { describe, expect, it } from "vitest";
import {
  AccessTokens,
  generateSigningKey,
  hashClientSecret,
  InvalidTokenError,
  type SigningKey,
  verifyClientSecret,
} from "./tokens";

function store(active: SigningKey, retired: SigningKey[] = []) {
  return {
    active: async () => active,
    published: async () => [active, ...retired].map((k) => ({ kid: k.kid, publicJwk: k.publicJwk })),
  };
}

describe("client secrets", () => {
  it("verifies the right secret and refuses a wrong one", async () => {
    const stored = await hashClientSecret("icps_correct");
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain("icps_correct");
    expect(await verifyClientSecret("icps_correct", stored)).toBe(true);
    expect(await verifyClientSecret("icps_wrong", stored)).toBe(false);
    expect(await verifyClientSecret("icps_correct", "garbage")).toBe(false);
  });
});

describe("access tokens", () => {
  it("round-trips client id and scopes", async () => {
    const tokens = new AccessTokens(store(await generateSigningKey()), "https://icp.test", "storefront-api");
    const { access_token, expires_in } = await tokens.issue({
      clientId: "web",
      scopes: ["catalog:read", "orders:write"],
    });
    expect(expires_in).toBe(900);
    expect(await tokens.verify(access_token)).toEqual({
      clientId: "web",
      scopes: ["catalog:read", "orders:write"],
    });
  });

  it("keeps verifying tokens of a rotated key while it is published, and not after", async () => {
    const old = await generateSigningKey();
    const fresh = await generateSigningKey();
    const before = await new AccessTokens(store(old), "iss", "aud").issue({ clientId: "web", scopes: [] });
    await expect(
      new AccessTokens(store(fresh, [old]), "iss", "aud").verify(before.access_token),
    ).resolves.toMatchObject({ clientId: "web" });
    await expect(
      new AccessTokens(store(fresh), "iss", "aud").verify(before.access_token),
    ).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it("refuses a token for another audience or issuer, and a tampered one", async () => {
    const key = await generateSigningKey();
    const t = (await new AccessTokens(store(key), "iss", "aud").issue({ clientId: "web", scopes: [] }))
      .access_token;
    await expect(new AccessTokens(store(key), "iss", "other").verify(t)).rejects.toThrow("token is invalid");
    await expect(new AccessTokens(store(key), "evil", "aud").verify(t)).rejects.toThrow("token is invalid");
    const [h, p, s] = t.split(".");
    const forged = Buffer.from(
      JSON.stringify({ sub: "admin", scope: "orders:write", aud: "aud", iss: "iss" }),
    ).toString("base64url");
    await expect(new AccessTokens(store(key), "iss", "aud").verify(`${h}.${forged}.${s}`)).rejects.toThrow(
      "token is invalid",
    );
    expect(p).toBeTruthy();
  });
});
