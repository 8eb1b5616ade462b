import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerEnv } from "../deployables";
import { sapLogon } from "./sap";

/** A worker in prod whose every other piece is in order, so only the SAP logon can be at fault. */
const prodWorker = {
  ICP_ENVIRONMENT: "prod",
  KAFKA_BROKERS: "kafka.internal:9092",
  KAFKA_SSL: "true",
  KAFKA_SASL_MECHANISM: "scram-sha-512",
  KAFKA_SASL_USERNAME: "icp-worker",
  KAFKA_SASL_PASSWORD: "k",
  DATABASE_URL: "postgresql://db.internal/icp",
  REDIS_URL: "redis://redis.internal:6379",
  MONGODB_URL: "mongodb://mongo.internal/storefront",
  SAP_BASE_URL: "https://s4.internal",
};
const oauth2 = {
  SAP_AUTH: "oauth2",
  SAP_OAUTH_TOKEN_URL: "https://icp.authentication.eu10.hana.ondemand.com/oauth/token",
  SAP_OAUTH_CLIENT_ID: "sb-icp-worker",
  SAP_OAUTH_CLIENT_SECRET: "from-vault",
};

let dir: string;
const certs = { cert: "", key: "", encryptedKey: "", otherKey: "" };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sap-env-"));
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-noenc",
    "-keyout",
    "key.pem",
    "-out",
    "cert.pem",
    "-days",
    "1",
    "-subj",
    "/CN=ICP_WORKER",
  );
  openssl("pkey", "-in", "key.pem", "-aes256", "-passout", "pass:open-sesame", "-out", "encrypted.pem");
  certs.cert = readFileSync(join(dir, "cert.pem"), "utf8");
  certs.key = readFileSync(join(dir, "key.pem"), "utf8");
  certs.encryptedKey = readFileSync(join(dir, "encrypted.pem"), "utf8");
  certs.otherKey = generateKeyPairSync("ec", { namedCurve: "prime256v1" })
    .privateKey.export({ format: "pem", type: "pkcs8" })
    .toString();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const x509 = () => ({ SAP_AUTH: "x509", SAP_TLS_CLIENT_CERT: certs.cert, SAP_TLS_CLIENT_KEY: certs.key });

describe("SAP logon configuration (SAP_AUTH)", () => {
  it("basic stays the default, and a deployed basic logon must name its own user and password", () => {
    expect(workerEnv.problems({ ...prodWorker, SAP_USERNAME: "ICP_RFC", SAP_PASSWORD: "p" })).toEqual([]);
    expect(workerEnv.problems(prodWorker)).toEqual([
      expect.stringMatching(/^SAP_USERNAME: required in prod with SAP_AUTH=basic/),
      expect.stringMatching(/^SAP_PASSWORD: required in prod with SAP_AUTH=basic/),
    ]);
    // locally the sandbox's user is the default
    expect(sapLogon(workerEnv.parse({})).auth).toEqual({
      kind: "basic",
      username: "ICP_RFC_USER",
      password: "local-sandbox-password",
    });
  });

  it("oauth2 without a token endpoint, client id or secret is refused at start-up, each by name", () => {
    expect(workerEnv.problems({ ...prodWorker, SAP_AUTH: "oauth2" })).toEqual([
      "SAP_OAUTH_TOKEN_URL: SAP_AUTH=oauth2 needs the OAuth 2.0 token endpoint (…/oauth/token)",
      "SAP_OAUTH_CLIENT_ID: SAP_AUTH=oauth2 needs the OAuth 2.0 client id",
      "SAP_OAUTH_CLIENT_SECRET: SAP_AUTH=oauth2 needs the OAuth 2.0 client secret (from Vault)",
    ]);
    // locally too: there is no default token endpoint
    expect(
      workerEnv.problems({ SAP_AUTH: "oauth2", SAP_OAUTH_CLIENT_ID: "c", SAP_OAUTH_CLIENT_SECRET: "s" }),
    ).toEqual(["SAP_OAUTH_TOKEN_URL: SAP_AUTH=oauth2 needs the OAuth 2.0 token endpoint (…/oauth/token)"]);
  });

  it("oauth2 needs no SAP user or password, and hands the client its credentials", () => {
    const env = workerEnv.parse({ ...prodWorker, ...oauth2, SAP_OAUTH_SCOPE: "API_SALES_ORDER_SRV_0001" });
    expect(sapLogon(env)).toEqual({
      auth: {
        kind: "oauth2",
        tokenUrl: oauth2.SAP_OAUTH_TOKEN_URL,
        clientId: "sb-icp-worker",
        clientSecret: "from-vault",
        scope: "API_SALES_ORDER_SRV_0001",
      },
    });
  });

  it("refuses a deployed token endpoint over plain http (the client secret would travel in clear)", () => {
    expect(
      workerEnv.problems({
        ...prodWorker,
        ...oauth2,
        SAP_OAUTH_TOKEN_URL: "http://uaa.internal/oauth/token",
      }),
    ).toEqual([expect.stringMatching(/^SAP_OAUTH_TOKEN_URL: the token endpoint must be https in prod/)]);
    expect(workerEnv.problems({ ...oauth2, SAP_OAUTH_TOKEN_URL: "not a url" })).toEqual([
      expect.stringMatching(/^SAP_OAUTH_TOKEN_URL: SAP_OAUTH_TOKEN_URL must be a URL/),
    ]);
  });

  it("refuses credentials of one logon while another is chosen, rather than ignoring them", () => {
    expect(workerEnv.problems({ SAP_OAUTH_CLIENT_SECRET: "s" })).toEqual([
      "SAP_AUTH: SAP_OAUTH_CLIENT_SECRET set but SAP_AUTH=basic: set SAP_AUTH=oauth2 or remove them",
    ]);
    expect(workerEnv.problems({ ...oauth2, SAP_TLS_CLIENT_KEY: certs.key })).toEqual([
      "SAP_AUTH: SAP_TLS_CLIENT_KEY set but SAP_AUTH=oauth2: set SAP_AUTH=x509 or remove them",
    ]);
  });

  it("x509 takes a certificate and its key (PEM, also with \\n written out) and needs no password", () => {
    const oneLine = certs.cert.replace(/\n/g, "\\n");
    const env = workerEnv.parse({
      ...prodWorker,
      ...x509(),
      SAP_TLS_CLIENT_CERT: oneLine,
      SAP_TLS_CA: certs.cert,
    });
    expect(sapLogon(env)).toEqual({
      auth: { kind: "x509", cert: certs.cert, key: certs.key },
      tls: { ca: certs.cert },
    });
  });

  it("x509 without a certificate or key, or over http, is refused at start-up", () => {
    expect(workerEnv.problems({ ...prodWorker, SAP_AUTH: "x509" })).toEqual([
      "SAP_TLS_CLIENT_CERT: SAP_AUTH=x509 needs the client certificate (PEM)",
      "SAP_TLS_CLIENT_KEY: SAP_AUTH=x509 needs the client certificate's private key (PEM, from Vault)",
    ]);
    expect(workerEnv.problems({ ...x509(), SAP_BASE_URL: "http://s4.internal" })).toEqual([
      "SAP_BASE_URL: SAP_AUTH=x509 presents a client certificate, which needs an https SAP_BASE_URL",
    ]);
  });

  it("x509 checks the key against the certificate and the passphrase before the first call", () => {
    const https = { SAP_BASE_URL: "https://s4.internal" };
    expect(workerEnv.problems({ ...https, ...x509(), SAP_TLS_CLIENT_KEY: certs.otherKey })).toEqual([
      "SAP_TLS_CLIENT_KEY: is not the key of SAP_TLS_CLIENT_CERT (CN=ICP_WORKER)",
    ]);
    const encrypted = { ...https, ...x509(), SAP_TLS_CLIENT_KEY: certs.encryptedKey };
    expect(workerEnv.problems(encrypted)).toEqual([
      "SAP_TLS_CLIENT_KEY: cannot be read as a PEM private key (encrypted? set SAP_TLS_CLIENT_KEY_PASSPHRASE)",
    ]);
    expect(workerEnv.problems({ ...encrypted, SAP_TLS_CLIENT_KEY_PASSPHRASE: "wrong" })).toEqual([
      "SAP_TLS_CLIENT_KEY: cannot be read as a PEM private key with SAP_TLS_CLIENT_KEY_PASSPHRASE (wrong passphrase?)",
    ]);
    expect(workerEnv.problems({ ...encrypted, SAP_TLS_CLIENT_KEY_PASSPHRASE: "open-sesame" })).toEqual([]);
    expect(
      workerEnv.problems({ ...https, ...x509(), SAP_TLS_CLIENT_CERT: "-----BEGIN CERTIFICATE-----\nnope" }),
    ).toEqual(["SAP_TLS_CLIENT_CERT: is not a PEM certificate (-----BEGIN CERTIFICATE-----)"]);
  });

  it("a CA bundle for SAP's server certificate must be a certificate and needs https", () => {
    expect(workerEnv.problems({ SAP_TLS_CA: "not pem" })).toEqual([
      "SAP_TLS_CA: a CA bundle for SAP's server certificate needs an https SAP_BASE_URL",
      "SAP_TLS_CA: is not a PEM certificate bundle (-----BEGIN CERTIFICATE-----)",
    ]);
  });
});
