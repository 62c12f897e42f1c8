import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatOrderNumber } from "@/lib/format";
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
  const order = await getOrderByNumber({ db: await getDb(), number: parsed.data });
  if (!order) notFound();
  const tab = (await searchParams).tab === "shipping" ? "shipping" : "details";
  return <OrderDetail order={order} canChange={canChange(user.role)} tab={tab} />;
}
