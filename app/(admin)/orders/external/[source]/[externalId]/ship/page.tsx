import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findOrderNumberByExternalId } from "@/lib/integrations/find-order-by-external-id";

type TProps = { params: Promise<{ source: string; externalId: string }> };

/** Deep link to the Shipping Wizard of a store's order: /orders/external/<source>/<external_id>/ship. */
export default async function ExternalOrderShipPage({ params }: TProps) {
  await requirePageUser();
  const { source, externalId } = await params;
  const number = await findOrderNumberByExternalId({ db: await getDb(), source: decodeURIComponent(source), externalId: decodeURIComponent(externalId) });
  if (number === null) notFound();
  redirect(`/orders/${number}/ship`);
}
