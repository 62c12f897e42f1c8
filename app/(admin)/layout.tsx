import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { StoreTimeZoneProvider } from "@/components/ui/store-time";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const timeZone = await getStoreTimeZone({ db: await getDb() });
  return (
    <StoreTimeZoneProvider timeZone={timeZone}>
      <div className="min-h-screen">
        <AppNav user={{ name: user.name, email: user.email, role: user.role }} />
        <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
      </div>
    </StoreTimeZoneProvider>
  );
}
