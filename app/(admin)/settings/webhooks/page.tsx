import type { Metadata } from "next";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { WebhookDeliveriesTable } from "@/components/webhooks/webhook-deliveries-table";
import { WebhookEndpointsList } from "@/components/webhooks/webhook-endpoints-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/webhooks/manage-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints({ db }), listWebhookDeliveries({ db })]);
  const admin = canChange(user.role);
  return (
    <>
      <PageHeader title="Webhooks" description="ShipDesk POSTs signed events (Standard Webhooks) to these URLs. Failed deliveries are retried for over 24 hours." />
      <div className="space-y-6">
        {admin && (
          <Card title="Add an endpoint">
            <CreateWebhookForm />
          </Card>
        )}
        <Card title="Endpoints">
          <WebhookEndpointsList endpoints={endpoints} canChange={admin} />
        </Card>
        <Card title="Delivery log">
          <WebhookDeliveriesTable deliveries={deliveries} canRedeliver={admin} />
        </Card>
      </div>
    </>
  );
}
