import "server-only";
import { authRedirect, parseRoleGroups, resolveStaff, rolesFromGroups, type StaffUser } from "@icp/api";
import { sessionSecret } from "@icp/config";
import { nextAuthLogger } from "@icp/observability";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { DEV_ROLES, DEV_USERS } from "./dev-users";
import { DEV_LOGIN_AVAILABLE, env } from "./env";
import { logger } from "./logger";
import { apiServices } from "./services";

export { DEV_USERS } from "./dev-users";

/**
 * The role names an IdP user's groups map to (OIDC_ROLE_GROUPS "role:group" pairs; a role is any
 * `staff_role` name). Their permissions are the union of those roles'. No mapped group: no access.
 */
export function rolesOfGroups(groups: unknown): string[] {
  return rolesFromGroups(groups, parseRoleGroups(env.OIDC_ROLE_GROUPS));
}

/** The dev users' extra roles, made if absent (local build only; an admin's edits are kept). */
async function ensureDevRoles(): Promise<void> {
  await apiServices.db.staffRole.createMany({
    data: DEV_ROLES.map((r) => ({ ...r, permissions: [...r.permissions], updatedBy: "dev-sign-in" })),
    skipDuplicates: true,
  });
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
        roles: rolesOfGroups(profile[env.OIDC_ROLES_CLAIM]),
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
        await ensureDevRoles();
        return { id: user.id, email: user.email, name: user.name, roles: [user.role] };
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
      return roleNames((user as { roles?: unknown }).roles).length > 0;
    },
    async jwt({ token, user }) {
      // The session carries role names only; their permissions are read per request.
      if (user) token.roles = roleNames((user as { roles?: unknown }).roles);
      return token;
    },
    async session({ session, token }) {
      // A token from before roles were stored by name carries `role` (one of the built-in three).
      const roles = token.roles ?? (typeof token.role === "string" ? [token.role] : []);
      return { ...session, user: { ...session.user, id: token.sub, roles } };
    },
  },
};

function roleNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((r): r is string => typeof r === "string" && r.length > 0) : [];
}

/**
 * The signed-in user with their roles' permissions as the database has them now (cached for
 * ROLE_CACHE_MS, packages/api/src/staff-roles.ts), so a role edit applies without signing in again.
 */
export async function currentStaff(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user as
    | { id?: string; email?: string | null; name?: string | null; roles?: unknown }
    | undefined;
  const roles = roleNames(u?.roles);
  if (!u?.id || roles.length === 0) return null;
  return resolveStaff(apiServices.db, {
    id: u.id,
    email: u.email ?? "",
    roles,
    ...(u.name ? { name: u.name } : {}),
  });
}
