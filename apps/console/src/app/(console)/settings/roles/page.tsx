import Link from "next/link";
import { RolesView } from "~/components/roles-view";

export default function RolesPage() {
  return (
    <>
      <h1 className="page">
        <Link href="/settings">Settings</Link> → Roles
      </h1>
      <RolesView />
    </>
  );
}
