"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { StatusBadge } from "@/components/ui/status-badge";

const LINKS = [
  { href: "/orders", label: "Orders" },
  { href: "/batches", label: "Batches" },
  { href: "/shipments", label: "Shipments" },
  { href: "/pickups", label: "Pickups" },
  { href: "/postage", label: "Postage" },
  { href: "/refunds", label: "Refunds" },
  { href: "/returns", label: "Returns" },
  { href: "/reports", label: "Reports" },
  { href: "/logs", label: "Logs" },
  { href: "/outbox", label: "Outbox" },
  { href: "/settings", label: "Settings" },
  { href: "/users", label: "Users" },
];

type TNavUser = { name: string; email: string; role: "admin" | "viewer" };

export function AppNav({ user }: { user: TNavUser }) {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Narrow screens: the logo and the account on one line, the menu below it, scrolling sideways. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 px-4 sm:px-6 lg:flex-nowrap">
        <Link href="/orders" className="py-3 text-lg font-bold text-brand-700">
          ShipDesk
        </Link>
        <nav aria-label="Main" className="order-last flex w-full min-w-0 gap-1 overflow-x-auto pb-2 lg:order-none lg:w-auto lg:flex-1 lg:pb-0">
          {LINKS.map((link) => {
            const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`whitespace-nowrap rounded-md px-2.5 py-2 text-sm font-medium ${
                  active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {link.label}
              </Link>
            );
          })}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-slate-600 2xl:inline" title={user.email}>
            {user.name}
          </span>
          <StatusBadge kind="role" value={user.role} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
