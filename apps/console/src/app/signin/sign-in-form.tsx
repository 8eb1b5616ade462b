"use client";
import { safeCallbackPath } from "@icp/api/callback-url";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

export function SignInForm({ sso, devUsers }: { sso: boolean; devUsers: { email: string; role: string }[] }) {
  const params = useSearchParams();
  const [error, setError] = useState(params.get("error") ? "Sign-in failed." : "");
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const res = await signIn("dev", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    // A path on this console only: not javascript:, not //evil, not another origin.
    if (res?.ok) window.location.assign(safeCallbackPath(params.get("callbackUrl")));
    else setError("Wrong email or password.");
  }
  return (
    <>
      {sso && (
        <button type="button" onClick={() => signIn("oidc", { callbackUrl: "/" })}>
          Sign in with single sign-on
        </button>
      )}
      {devUsers.length > 0 && (
        <form onSubmit={onSubmit}>
          <p style={{ fontSize: 13, color: "var(--muted)" }}>Development sign-in (local only)</p>
          <label htmlFor="email">User</label>
          <select id="email" name="email" defaultValue={devUsers[1]?.email}>
            {devUsers.map((u) => (
              <option key={u.email} value={u.email}>
                {u.email} ({u.role})
              </option>
            ))}
          </select>
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          <div style={{ marginTop: 14 }}>
            <button type="submit">Sign in</button>
          </div>
        </form>
      )}
      {!sso && devUsers.length === 0 && (
        <p className="err">No sign-in method is configured (set OIDC_ISSUER).</p>
      )}
      {error && (
        <p className="err" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
