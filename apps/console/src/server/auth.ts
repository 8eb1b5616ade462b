import "server-only";
import { authRedirect, isRole, PRESETS, type Role, type StaffUser } from "@icp/api";
import { sessionSecret } from "@icp/config";
import { nextAuthLogger } from "@icp/observability";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { DEV_LOGIN_AVAILABLE, env } from "./env";
import { logger } from "./logger";

/** Demo staff for the local development sign-in: one per role. */
export const DEV_USERS: readonly Omit<StaffUser, "permissions">[] = [
  { id: "dev-viewer", email: "viewer@example.com", name: "Vera Viewer", role: "viewer" },
  { id: "dev-operator", email: "operator@example.com", name: "Otto Operator", role: "operator" },
  { id: "dev-admin", email: "admin@example.com", name: "Ada Admin", role: "admin" },
];

/** Map IdP groups to the highest role they grant; no matching group means no access. */
export function roleFromGroups(groups: unknown): Role | null {
  const list = Array.isArray(groups) ? groups.map(String) : typeof groups === "string" ? [groups] : [];
  const mapping = env.OIDC_ROLE_GROUPS.split(",").map((pair) => pair.split(":") as [string, string]);
  let best: Role | null = null;
  for (const role of ["viewer", "operator", "admin"] as const) {
    if (mapping.some(([r, g]) => r === role && list.includes(g))) best = role;
  }
  return best;
}

const providers: NextAuthOptions["providers"] = [];
if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID) {
  providers.push({
    id: "oidc",
    name: "Single sign-on",
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET ?? "",
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: Record<string, unknown>) {
      return {
        id: String(profile.sub),
        email: String(profile.email ?? ""),
        name: String(profile.name ?? profile.email ?? profile.sub),
        role: roleFromGroups(profile[env.OIDC_ROLES_CLAIM]),
      };
    },
  });
}
// biome-ignore lint/style/noProcessEnv: a build-time constant Next inlines (next.config.ts `env`), so release builds drop this branch.
if (process.env.ICP_BUILD_PROFILE === "local" && DEV_LOGIN_AVAILABLE) {
  providers.push(
    CredentialsProvider({
      id: "dev",
      name: "Development sign-in",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        const user = DEV_USERS.find((u) => u.email === credentials?.email);
        if (!user || credentials?.password !== env.DEV_LOGIN_PASSWORD) return null;
        return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
      },
    }),
  );
}

export const authOptions: NextAuthOptions = {
  // AUTH_SECRET, or (local/CI only; deployed environments must set it) a random secret of this
  // process: never a constant anyone can read in the source and forge sessions with.
  secret: sessionSecret(env.AUTH_SECRET),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers,
  // next-auth's errors and warnings as ECS records (its default writes [next-auth][error] text).
  logger: nextAuthLogger(logger),
  callbacks: {
    // Only the console's own paths and origin (issue 17: 1); never throws on a hostile URL.
    async redirect(params) {
      return authRedirect(params);
    },
    async signIn({ user }) {
      // An IdP user without a mapped group gets no session at all.
      return isRole((user as { role?: unknown }).role);
    },
    async jwt({ token, user }) {
      if (user) token.role = (user as { role?: unknown }).role;
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
    },
  },
};

export async function currentStaff(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user as
    | { id?: string; email?: string | null; name?: string | null; role?: unknown }
    | undefined;
  if (!u?.id || !isRole(u.role)) return null;
  return {
    id: u.id,
    email: u.email ?? "",
    role: u.role,
    permissions: PRESETS[u.role],
    ...(u.name ? { name: u.name } : {}),
  };
}
