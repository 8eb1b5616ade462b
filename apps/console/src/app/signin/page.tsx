import { DEV_USERS } from "~/server/auth";
import { DEV_LOGIN_AVAILABLE, env } from "~/server/env";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default function SignInPage() {
  return (
    <div className="signin">
      <h1 style={{ fontSize: 18, marginTop: 0 }}>Sign in to the control plane</h1>
      <SignInForm
        sso={Boolean(env.OIDC_ISSUER)}
        devUsers={DEV_LOGIN_AVAILABLE ? DEV_USERS.map((u) => ({ email: u.email, role: u.role })) : []}
      />
    </div>
  );
}
