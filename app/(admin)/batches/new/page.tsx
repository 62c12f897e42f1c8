import type { Metadata } from "next";
import Link from "next/link";
import { NewBatchForm } from "@/components/batches/new-batch-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { MAX_BATCH_ORDERS, type TBatchSettings } from "@/lib/batches/schemas";
import { getDb } from "@/lib/db";
import { listOrders } from "@/lib/orders/list-orders";
import { parseOrderFilters } from "@/lib/orders/parse-order-filters";
import { ZOrderNumber } from "@/lib/orders/schemas";
import { listPresets } from "@/lib/presets/list-presets";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { shipDateOptions } from "@/lib/shipping/ship-dates";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

export const metadata: Metadata = { title: "New batch" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The orders of a new batch: those ticked on Orders (`orders`), or every order matching its filter (`all=1`). */
async function chosenOrders(searchParams: Record<string, string | string[] | undefined>) {
  const db = await getDb();
  if (searchParams.all === "1") {
    const { filters } = parseOrderFilters({ q: searchParams.q, status: searchParams.status });
    const { orders } = await listOrders({ db, filters: { ...filters, cursor: undefined }, pageSize: MAX_BATCH_ORDERS });
    return orders.filter((order) => order.status !== "cancelled" && order.status !== "shipped").map((order) => order.number);
  }
  const raw = ([] as string[]).concat(searchParams.orders ?? []).flatMap((value) => value.split(","));
  return [...new Set(raw.map((value) => ZOrderNumber.safeParse(value)).flatMap((parsed) => (parsed.success ? [parsed.data] : [])))];
}

export default async function NewBatchPage({ searchParams }: TProps) {
  const user = await requirePageUser();
  if (!canChange(user.role)) return <Alert tone="error">Only an admin can create batches: a viewer can look at them.</Alert>;
  const params = await searchParams;
  const orderNumbers = await chosenOrders(params);
  const db = await getDb();
  const [presets, settings, timeZone] = await Promise.all([
    listPresets({ db }),
    readStoreSettings(db),
    getStoreTimeZone({ db }),
  ]);
  const defaults: Omit<TBatchSettings, "shipDate"> = {
    mailClass: settings?.defaultMailClass ?? "usps_ground_advantage",
    deliveryWithinDays: null,
    packagingType: settings?.defaultPackagingType ?? "package",
    dimensions: { lengthIn: settings?.defaultLengthIn ?? 10, widthIn: settings?.defaultWidthIn ?? 8, heightIn: settings?.defaultHeightIn ?? 4 },
    weightOz: null,
    labelFormat: "pdf",
    labelSize: "size_4x6",
    deliveryConfirmation: "tracking",
    flagAsShipped: true,
    notifyCustomer: true,
  };
  const tooMany = orderNumbers.length > MAX_BATCH_ORDERS;
  return (
    <>
      <PageHeader
        title="New batch"
        description={`${orderNumbers.length.toLocaleString("en-US")} order${orderNumbers.length === 1 ? "" : "s"}: ${orderNumbers.slice(0, 12).map((n) => `#${n}`).join(", ")}${orderNumbers.length > 12 ? "…" : ""}`}
        actions={
          <Link href="/orders" className={buttonClass("secondary")}>
            Back to orders
          </Link>
        }
      />
      {orderNumbers.length === 0 ? (
        <Alert tone="info">No orders were chosen. On Orders, tick the orders to ship (or use “all matching”), then choose Create batch.</Alert>
      ) : tooMany ? (
        <Alert tone="error">A batch takes at most {MAX_BATCH_ORDERS.toLocaleString("en-US")} orders: narrow the filter on Orders.</Alert>
      ) : (
        <NewBatchForm orderNumbers={orderNumbers} presets={presets.map((preset) => ({ name: preset.name, settings: preset.settings }))} defaults={defaults} shipDates={shipDateOptions(new Date(), timeZone)} />
      )}
    </>
  );
}
