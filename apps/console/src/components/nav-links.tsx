"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export const PAGES = [
  { href: "/", label: "Overview" },
  { href: "/kafka", label: "Kafka" },
  { href: "/queues", label: "Queues" },
  { href: "/failures", label: "Failures" },
  { href: "/orders", label: "Order trace" },
  { href: "/resync", label: "Resync" },
  { href: "/drift", label: "Drift" },
  { href: "/replay", label: "Replay" },
  { href: "/approvals", label: "Approvals" },
  { href: "/audit", label: "Audit log" },
  { href: "/settings", label: "Settings" },
] as const;

export function NavLinks() {
  const path = usePathname();
  return (
    <ul className="navlinks">
      {PAGES.map((p) => {
        const current = p.href === "/" ? path === "/" : path === p.href || path.startsWith(`${p.href}/`);
        return (
          <li key={p.href}>
            <Link href={p.href} aria-current={current ? "page" : undefined}>
              {p.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
