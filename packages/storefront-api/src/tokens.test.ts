import { afterEach, describe, expect, it, vi } from "vitest";
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

describe("access token key set cache", () => {
  afterEach(() => vi.useRealTimers());

  /** A store whose published keys can change, counting how often it is read. */
  function mutableStore(active: SigningKey) {
    const s = {
      active,
      retired: [] as SigningKey[],
      reads: 0,
      store: {
        active: async () => s.active,
        published: async () => {
          s.reads++;
          return [s.active, ...s.retired].map((k) => ({ kid: k.kid, publicJwk: k.publicJwk }));
        },
      },
    };
    return s;
  }

  it("reads the keys once for many verifies, also when they arrive together", async () => {
    const s = mutableStore(await generateSigningKey());
    const tokens = new AccessTokens(s.store, "iss", "aud");
    const t = (await tokens.issue({ clientId: "web", scopes: [] })).access_token;
    s.reads = 0;
    await Promise.all(Array.from({ length: 20 }, () => tokens.verify(t)));
    for (let i = 0; i < 20; i++) await tokens.verify(t);
    expect(s.reads).toBe(1);
  });

  it("reloads at once for a key rotated in elsewhere, but not again for made-up key ids", async () => {
    const s = mutableStore(await generateSigningKey());
    const verifier = new AccessTokens(s.store, "iss", "aud");
    const before = (await verifier.issue({ clientId: "web", scopes: [] })).access_token;
    await verifier.verify(before);
    // Another process rotates: the new key signs, the old one stays published.
    s.retired = [s.active];
    s.active = await generateSigningKey();
    const after = (await new AccessTokens(s.store, "iss", "aud").issue({ clientId: "web", scopes: [] }))
      .access_token;
    s.reads = 0;
    await expect(verifier.verify(after)).resolves.toMatchObject({ clientId: "web" });
    expect(s.reads).toBe(1);
    // Tokens naming keys nobody has: refused, and within the reload interval no more reads.
    const [, p, sig] = after.split(".");
    for (let i = 0; i < 5; i++) {
      const h = Buffer.from(JSON.stringify({ alg: "ES256", typ: "at+jwt", kid: `made-up-${i}` })).toString(
        "base64url",
      );
      await expect(verifier.verify(`${h}.${p}.${sig}`)).rejects.toBeInstanceOf(InvalidTokenError);
    }
    expect(s.reads).toBe(1);
  });

  it("drops a key from the set once the store stops publishing it, after the set's lifetime", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const old = await generateSigningKey();
    const s = mutableStore(await generateSigningKey());
    s.retired = [old];
    const verifier = new AccessTokens(s.store, "iss", "aud");
    const t = (await new AccessTokens(store(old), "iss", "aud").issue({ clientId: "web", scopes: [] }))
      .access_token;
    await expect(verifier.verify(t)).resolves.toMatchObject({ clientId: "web" });
    s.retired = [];
    vi.setSystemTime(Date.now() + 61_000);
    await expect(verifier.verify(t)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it("keeps a verdict on a token only until the token expires, and checks any other string in full", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const tokens = new AccessTokens(store(await generateSigningKey()), "iss", "aud", 2);
    const t = (await tokens.issue({ clientId: "web", scopes: ["orders:write"] })).access_token;
    await expect(tokens.verify(t)).resolves.toEqual({ clientId: "web", scopes: ["orders:write"] });
    await expect(tokens.verify(t)).resolves.toEqual({ clientId: "web", scopes: ["orders:write"] });
    // The same claims under a changed signature: not the verified string, so refused.
    const [h, p, sig = ""] = t.split(".");
    const altered = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`;
    await expect(tokens.verify(altered)).rejects.toBeInstanceOf(InvalidTokenError);
    vi.setSystemTime(Date.now() + 3_000);
    await expect(tokens.verify(t)).rejects.toThrow("token expired");
  });
});
