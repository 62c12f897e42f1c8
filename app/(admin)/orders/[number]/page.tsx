import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatOrderNumber } from "@/lib/format";
import { connectionIdOfSource } from "@/lib/integrations/source-names";
import { listOrderStorePushes } from "@/lib/integrations/list-store-pushes";
import { getOrderByNumber } from "@/lib/orders/get-order";
import { ZOrderNumber } from "@/lib/orders/schemas";

type TProps = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const parsed = ZOrderNumber.safeParse((await params).number);
  return { title: parsed.success ? `Order ${formatOrderNumber(parsed.data)}` : "Order" };
}

export default async function OrderPage({ params, searchParams }: TProps) {
  const user = await requirePageUser();
  const parsed = ZOrderNumber.safeParse((await params).number);
  if (!parsed.success) notFound();
  const db = await getDb();
  const order = await getOrderByNumber({ db, number: parsed.data });
  if (!order) notFound();
  const tab = (await searchParams).tab === "shipping" ? "shipping" : "details";
  // Orders from a connected store show what was sent back to it; others have nowhere to send.
  const storePushes = connectionIdOfSource(order.source) ? await listOrderStorePushes({ db, orderId: order.id }) : null;
  return <OrderDetail order={order} canChange={canChange(user.role)} tab={tab} storePushes={storePushes} />;
}
