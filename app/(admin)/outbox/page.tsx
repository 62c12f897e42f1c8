import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listOutbox } from "@/lib/mail/list-outbox";
import { StoreTime } from "@/components/ui/store-time";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  await requirePageUser();
  const emails = await listOutbox({ db: await getDb() });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="E-mails to customers. Without SMTP_URL they are kept here instead of being sent; with it, they are sent and marked."
      />
      {emails.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">No e-mails yet. Flag a shipment as shipped to send the “Order Shipped” e-mail.</p>
        </Card>
      ) : (
        <div className="space-y-4">
          {emails.map((email) => (
            <Card
              key={email.id}
              title={email.subject}
              actions={
                email.sentAt ? <Badge tone="green">Sent <StoreTime at={email.sentAt} /></Badge> : <Badge tone={email.transport === "smtp" ? "amber" : "gray"}>{email.transport === "smtp" ? "Queued for SMTP" : "In the outbox"}</Badge>
              }
            >
              <p className="mb-2 text-xs text-slate-500">
                To {email.to} · <StoreTime at={email.createdAt} />
              </p>
              <pre className="whitespace-pre-wrap font-sans text-sm" data-testid="outbox-email">
                {email.text}
              </pre>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
