import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { z } from "zod";
import { envPiece, isDeployed } from "../piece";

/** PEM text; a value whose line breaks were written as `\n` (one-line env files) is read back. */
const pem = z
  .string()
  .min(1)
  .transform((v) => v.replace(/\\n/g, "\n"));

export const SAP_AUTH_KINDS = ["basic", "oauth2", "x509"] as const;
export type SapAuthKind = (typeof SAP_AUTH_KINDS)[number];

const OAUTH_KEYS = [
  "SAP_OAUTH_TOKEN_URL",
  "SAP_OAUTH_CLIENT_ID",
  "SAP_OAUTH_CLIENT_SECRET",
  "SAP_OAUTH_SCOPE",
] as const;
const X509_KEYS = ["SAP_TLS_CLIENT_CERT", "SAP_TLS_CLIENT_KEY", "SAP_TLS_CLIENT_KEY_PASSPHRASE"] as const;

/**
 * The S/4HANA OData client (the worker calls SAP; the console checks it is reachable).
 *
 * SAP_AUTH picks the logon, each with the variables it needs (docs/sap-auth.md):
 *   - basic:  SAP_USERNAME, SAP_PASSWORD (Vault);
 *   - oauth2: SAP_OAUTH_TOKEN_URL, SAP_OAUTH_CLIENT_ID, SAP_OAUTH_CLIENT_SECRET (Vault),
 *             SAP_OAUTH_SCOPE (optional) — OAuth 2.0 client credentials;
 *   - x509:   SAP_TLS_CLIENT_CERT, SAP_TLS_CLIENT_KEY (Vault), SAP_TLS_CLIENT_KEY_PASSPHRASE
 *             (Vault, if the key is encrypted) — a client certificate, over https only.
 * SAP_TLS_CA (any logon): the CAs that sign SAP's server certificate, when the system's do not.
 * Certificates and keys are PEM text in the variable, as Vault Agent renders them.
 */
export const sap = envPiece({
  name: "sap",
  shape: {
    SAP_BASE_URL: z.string().min(1).default("http://127.0.0.1:4004"),
    SAP_CLIENT: z
      .string()
      .regex(/^\d{3}$/, "SAP_CLIENT is a three-digit client number")
      .default("100"),
    SAP_LANGUAGE: z.string().length(2).default("EN"),
    SAP_AUTH: z.enum(SAP_AUTH_KINDS, { message: "SAP_AUTH is basic, oauth2 or x509" }).default("basic"),
    SAP_USERNAME: z.string().max(12, "an SAP user name has at most 12 characters").default("ICP_RFC_USER"),
    SAP_PASSWORD: z.string().default("local-sandbox-password"),
    SAP_OAUTH_TOKEN_URL: z.url({ message: "SAP_OAUTH_TOKEN_URL must be a URL" }).optional(),
    SAP_OAUTH_CLIENT_ID: z.string().min(1).optional(),
    SAP_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
    SAP_OAUTH_SCOPE: z.string().min(1).optional(),
    SAP_TLS_CLIENT_CERT: pem.optional(),
    SAP_TLS_CLIENT_KEY: pem.optional(),
    SAP_TLS_CLIENT_KEY_PASSPHRASE: z.string().min(1).optional(),
    SAP_TLS_CA: pem.optional(),
    SAP_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    SAP_MAX_CONCURRENCY: z.coerce.number().int().positive().default(8),
    /**
     * How long after a create was sent SAP may still commit it although its answer never came
     * (ICM's PROCTIMEOUT, 60 s by default): an ambiguous create is looked up again after it
     * before anyone decides to create again. Set it to the landscape's own limit.
     */
    SAP_COMMIT_WINDOW_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  },
  requiredWhenDeployed: {
    SAP_BASE_URL: "the SAP system, from the ConfigMap",
  },
  check(env, fail, environment, source) {
    const https = env.SAP_BASE_URL.startsWith("https://");
    const given = (key: string) => Boolean(source[key]?.trim());
    const stray = (keys: readonly (keyof typeof env & string)[]) => keys.filter((k) => env[k] !== undefined);
    if (env.SAP_AUTH === "basic" && isDeployed(environment)) {
      // The user and password default to the sandbox's; a deployed basic logon names its own.
      if (!given("SAP_USERNAME"))
        fail(
          "SAP_USERNAME",
          `required in ${environment} with SAP_AUTH=basic (the SAP communication user, from Vault)`,
        );
      if (!given("SAP_PASSWORD"))
        fail(
          "SAP_PASSWORD",
          `required in ${environment} with SAP_AUTH=basic (the SAP communication user's password, from Vault)`,
        );
    }
    if (env.SAP_AUTH === "oauth2") {
      if (!env.SAP_OAUTH_TOKEN_URL)
        fail("SAP_OAUTH_TOKEN_URL", "SAP_AUTH=oauth2 needs the OAuth 2.0 token endpoint (…/oauth/token)");
      else if (isDeployed(environment) && !env.SAP_OAUTH_TOKEN_URL.startsWith("https://"))
        fail(
          "SAP_OAUTH_TOKEN_URL",
          `the token endpoint must be https in ${environment}: the client secret goes to it`,
        );
      if (!env.SAP_OAUTH_CLIENT_ID)
        fail("SAP_OAUTH_CLIENT_ID", "SAP_AUTH=oauth2 needs the OAuth 2.0 client id");
      if (!env.SAP_OAUTH_CLIENT_SECRET)
        fail("SAP_OAUTH_CLIENT_SECRET", "SAP_AUTH=oauth2 needs the OAuth 2.0 client secret (from Vault)");
    } else if (stray(OAUTH_KEYS).length > 0) {
      fail(
        "SAP_AUTH",
        `${stray(OAUTH_KEYS).join(", ")} set but SAP_AUTH=${env.SAP_AUTH}: set SAP_AUTH=oauth2 or remove them`,
      );
    }
    if (env.SAP_AUTH === "x509") {
      if (!https)
        fail(
          "SAP_BASE_URL",
          "SAP_AUTH=x509 presents a client certificate, which needs an https SAP_BASE_URL",
        );
      checkClientCertificate(env, fail);
    } else if (stray(X509_KEYS).length > 0) {
      fail(
        "SAP_AUTH",
        `${stray(X509_KEYS).join(", ")} set but SAP_AUTH=${env.SAP_AUTH}: set SAP_AUTH=x509 or remove them`,
      );
    }
    if (env.SAP_TLS_CA !== undefined) {
      if (!https) fail("SAP_TLS_CA", "a CA bundle for SAP's server certificate needs an https SAP_BASE_URL");
      if (!certificate(env.SAP_TLS_CA))
        fail("SAP_TLS_CA", "is not a PEM certificate bundle (-----BEGIN CERTIFICATE-----)");
    }
  },
});

function certificate(text: string): X509Certificate | undefined {
  try {
    return new X509Certificate(text);
  } catch {
    return undefined;
  }
}

/** The certificate and key must be readable and belong together, or the worker would start and fail every call. */
function checkClientCertificate(
  env: { SAP_TLS_CLIENT_CERT?: string; SAP_TLS_CLIENT_KEY?: string; SAP_TLS_CLIENT_KEY_PASSPHRASE?: string },
  fail: (key: "SAP_TLS_CLIENT_CERT" | "SAP_TLS_CLIENT_KEY", message: string) => void,
): void {
  const cert = env.SAP_TLS_CLIENT_CERT;
  const key = env.SAP_TLS_CLIENT_KEY;
  if (!cert) fail("SAP_TLS_CLIENT_CERT", "SAP_AUTH=x509 needs the client certificate (PEM)");
  if (!key)
    fail("SAP_TLS_CLIENT_KEY", "SAP_AUTH=x509 needs the client certificate's private key (PEM, from Vault)");
  const x509 = cert ? certificate(cert) : undefined;
  if (cert && !x509) fail("SAP_TLS_CLIENT_CERT", "is not a PEM certificate (-----BEGIN CERTIFICATE-----)");
  let privateKey: KeyObject | undefined;
  if (key) {
    try {
      privateKey = createPrivateKey({
        key,
        ...(env.SAP_TLS_CLIENT_KEY_PASSPHRASE ? { passphrase: env.SAP_TLS_CLIENT_KEY_PASSPHRASE } : {}),
      });
    } catch {
      fail(
        "SAP_TLS_CLIENT_KEY",
        env.SAP_TLS_CLIENT_KEY_PASSPHRASE
          ? "cannot be read as a PEM private key with SAP_TLS_CLIENT_KEY_PASSPHRASE (wrong passphrase?)"
          : "cannot be read as a PEM private key (encrypted? set SAP_TLS_CLIENT_KEY_PASSPHRASE)",
      );
    }
  }
  if (x509 && privateKey && !x509.checkPrivateKey(privateKey))
    fail(
      "SAP_TLS_CLIENT_KEY",
      `is not the key of SAP_TLS_CLIENT_CERT (${x509.subject.replace(/\n/g, ", ")})`,
    );
}

type SapEnv = {
  SAP_AUTH: SapAuthKind;
  SAP_USERNAME: string;
  SAP_PASSWORD: string;
  SAP_OAUTH_TOKEN_URL?: string | undefined;
  SAP_OAUTH_CLIENT_ID?: string | undefined;
  SAP_OAUTH_CLIENT_SECRET?: string | undefined;
  SAP_OAUTH_SCOPE?: string | undefined;
  SAP_TLS_CLIENT_CERT?: string | undefined;
  SAP_TLS_CLIENT_KEY?: string | undefined;
  SAP_TLS_CLIENT_KEY_PASSPHRASE?: string | undefined;
  SAP_TLS_CA?: string | undefined;
};

/** The logon a parsed env chose, in the shape `@icp/sap-client`'s `SapAuth` takes. */
export type SapLogon =
  | { kind: "basic"; username: string; password: string }
  | { kind: "oauth2"; tokenUrl: string; clientId: string; clientSecret: string; scope?: string }
  | { kind: "x509"; cert: string; key: string; passphrase?: string };

/**
 * The SAP client's `auth` and `tls` from a parsed env (the piece's check has made sure the
 * chosen logon has what it needs). Every deployable that calls SAP builds its client from this.
 */
export function sapLogon(env: SapEnv): { auth: SapLogon; tls?: { ca: string } } {
  const tls = env.SAP_TLS_CA ? { tls: { ca: env.SAP_TLS_CA } } : {};
  if (env.SAP_AUTH === "oauth2")
    return {
      auth: {
        kind: "oauth2",
        tokenUrl: env.SAP_OAUTH_TOKEN_URL ?? "",
        clientId: env.SAP_OAUTH_CLIENT_ID ?? "",
        clientSecret: env.SAP_OAUTH_CLIENT_SECRET ?? "",
        ...(env.SAP_OAUTH_SCOPE ? { scope: env.SAP_OAUTH_SCOPE } : {}),
      },
      ...tls,
    };
  if (env.SAP_AUTH === "x509")
    return {
      auth: {
        kind: "x509",
        cert: env.SAP_TLS_CLIENT_CERT ?? "",
        key: env.SAP_TLS_CLIENT_KEY ?? "",
        ...(env.SAP_TLS_CLIENT_KEY_PASSPHRASE ? { passphrase: env.SAP_TLS_CLIENT_KEY_PASSPHRASE } : {}),
      },
      ...tls,
    };
  return { auth: { kind: "basic", username: env.SAP_USERNAME, password: env.SAP_PASSWORD }, ...tls };
}

/**
 * Where SAP is and how to log on, from a parsed env: what every SAP client of ours is built from
 * (the worker's SapClient, the console's reachability probe), so the two cannot drift apart.
 */
export function sapConnection(
  env: SapEnv & { SAP_BASE_URL: string; SAP_CLIENT: string; SAP_LANGUAGE: string; SAP_TIMEOUT_MS: number },
): { baseUrl: string; client: string; language: string; timeoutMs: number } & ReturnType<typeof sapLogon> {
  return {
    baseUrl: env.SAP_BASE_URL,
    client: env.SAP_CLIENT,
    language: env.SAP_LANGUAGE,
    timeoutMs: env.SAP_TIMEOUT_MS,
    ...sapLogon(env),
  };
}
