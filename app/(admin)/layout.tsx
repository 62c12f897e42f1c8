import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { requirePageUser } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen">
      <AppNav user={{ name: user.name, email: user.email, role: user.role }} />
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
