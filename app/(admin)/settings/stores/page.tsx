import type { Metadata } from "next";
import { ConnectStoreForm } from "@/components/stores/connect-store-form";
import { StoreConnections } from "@/components/stores/store-connections";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listStoreConnections } from "@/lib/stores/connect-store";

export const metadata: Metadata = { title: "Stores" };

export default async function StoresPage() {
  const user = await requirePageUser();
  const connections = await listStoreConnections({ db: await getDb() });
  const admin = canChange(user.role);
  return (
    <>
      <PageHeader title="Stores" description="WooCommerce stores ShipDesk pulls processing orders from every 5 minutes, and sends tracking notes and the completed status back to." />
      <div className="space-y-6">
        <Card title="Connected stores">
          <StoreConnections initial={connections} canChange={admin} />
        </Card>
        {admin && (
          <Card title="Connect a WooCommerce store">
            <ConnectStoreForm />
          </Card>
        )}
      </div>
    </>
  );
}
