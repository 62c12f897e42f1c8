import type { Metadata } from "next";
import { ReviewItemForm } from "@/components/purchases/review-item-form";
import { SeraHistoryLinks } from "@/components/purchases/sera-history-links";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/format";
import { listPurchasesToReview } from "@/lib/purchases/review";
import { StoreTime } from "@/components/ui/store-time";

export const metadata: Metadata = { title: "Purchases to review" };

export default async function PurchasesToReviewPage() {
  const user = await requirePageUser();
  const items = await listPurchasesToReview({ db: await getDb() });
  const mayResolve = canChange(user.role);
  return (
    <>
      <PageHeader
        title="Purchases to review"
        description="Purchases whose outcome only SERA's own records can tell: SERA did not confirm them within its 24-hour replay window, or answered in a way ShipDesk could not read. ShipDesk never resends these. Look each one up in SERA's print or balance history, then record what SERA did."
        actions={<SeraHistoryLinks />}
      />
      {items.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">Nothing to review: every purchase ShipDesk sent to SERA has a known outcome.</p>
        </Card>
      ) : (
        <div className="space-y-4">
          {items.map((item) => (
            <section key={item.id} data-intent-id={item.id} data-key={item.idempotencyKey} aria-label={item.summary}>
            <Card title={item.summary} actions={<StatusBadge kind="purchaseKind" value={item.kind} />}>
              <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                <dt className="text-slate-500">Asked</dt>
                <dd><StoreTime at={new Date(item.createdAt)} />{item.firstSentAt ? (
                  <>
                    , first sent <StoreTime at={new Date(item.firstSentAt)} />
                  </>
                ) : (
                  ", never sent"
                )}</dd>
                <dt className="text-slate-500">Amount</dt>
                <dd>{item.amountCents === null ? "the rate SERA charged (see its print history)" : formatCents(item.amountCents)}</dd>
                <dt className="text-slate-500">Idempotency key</dt>
                <dd className="font-mono text-xs">{item.idempotencyKey}</dd>
                <dt className="text-slate-500">SERA account</dt>
                <dd className="font-mono text-xs">{item.seraAccountId}</dd>
                <dt className="text-slate-500">Why it is here</dt>
                <dd>{item.reason ?? "—"} ({item.attempts} attempt{item.attempts === 1 ? "" : "s"})</dd>
              </dl>
              {mayResolve ? <ReviewItemForm intentId={item.id} kind={item.kind} /> : <p className="text-sm text-slate-600">An admin resolves it.</p>}
            </Card>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
