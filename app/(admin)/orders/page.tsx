import type { Metadata } from "next";
import { OrdersFilterBar } from "@/components/orders/orders-filter-bar";
import { OrdersTable } from "@/components/orders/orders-table";
import { ReviewBanner } from "@/components/purchases/review-banner";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listOrders } from "@/lib/orders/list-orders";
import { parseOrderFilters } from "@/lib/orders/parse-order-filters";
import { countPurchasesToReview } from "@/lib/purchases/review";

export const metadata: Metadata = { title: "Orders" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrdersPage({ searchParams }: TProps) {
  await requirePageUser();
  const { filters, problems } = parseOrderFilters(await searchParams);
  let result: Awaited<ReturnType<typeof listOrders>> = { orders: [], nextCursor: null };
  const db = await getDb();
  const toReview = await countPurchasesToReview({ db });
  try {
    result = await listOrders({ db, filters });
  } catch (error) {
    if (!isAppError(error)) throw error;
    problems.push(error.userMessage);
  }
  return (
    <>
      <PageHeader title="Orders" description="Newest first. Open an order to ship it." />
      {toReview > 0 && (
        <div className="mb-4">
          <ReviewBanner count={toReview} />
        </div>
      )}
      <OrdersFilterBar q={filters.q ?? ""} status={filters.status ?? ""} />
      {problems.length > 0 && (
        <div className="mb-4 space-y-2">
          {problems.map((problem) => (
            <Alert key={problem} tone="error">
              {problem}
            </Alert>
          ))}
        </div>
      )}
      <OrdersTable orders={result.orders} nextCursor={result.nextCursor} filters={filters} />
    </>
  );
}
