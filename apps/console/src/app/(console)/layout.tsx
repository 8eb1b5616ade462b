import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NavLinks } from "~/components/nav-links";
import { RoleProvider } from "~/components/ui";
import { currentStaff } from "~/server/auth";
import { Providers } from "~/trpc/client";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentStaff();
  if (!user) redirect("/signin");
  return (
    <div className="shell">
      <nav className="nav" aria-label="Console">
        <h1>ICP console</h1>
        <NavLinks />
        <div className="who">
          {user.email} · <strong data-testid="my-role">{user.role}</strong>
          <br />
          <a href="/api/auth/signout">Sign out</a>
        </div>
      </nav>
      <main>
        <Providers>
          <RoleProvider permissions={user.permissions}>{children}</RoleProvider>
        </Providers>
      </main>
    </div>
  );
}
