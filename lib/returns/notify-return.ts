import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mailTransportName } from "@/lib/mail/transport-name";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/**
 * Queues the customer's "Your return label" e-mail in the outbox inside the transaction that
 * recorded the label (a crash cannot lose it or queue it twice). The link is SERA's own label
 * link from the label answer; ShipDesk keeps no label image. Not tied to the outbound shipment,
 * so withdrawing that shipment's unsent mail never withdraws this one.
 */
export async function queueReturnEmail(
  tx: Prisma.TransactionClient,
  options: { orderId: string; orderNumber: number; shipmentId: string; to: string; labelUrl: string | null; trackingNumber: string | null },
) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: options.orderId }, select: { customer: { select: { firstName: true } } } });
  const settings = await readStoreSettings(tx);
  const lines = [
    `Hello ${order.customer.firstName},`,
    "",
    `Here is your prepaid USPS return label for order #${options.orderNumber}.`,
    ...(options.labelUrl ? [`Print your label: ${options.labelUrl}`] : ["Your label is attached to this message by the store."]),
    ...(options.trackingNumber ? [`Tracking number: ${options.trackingNumber}`] : []),
    "",
    "Pack the items, stick the label on the parcel and hand it to USPS or drop it in a mailbox. The postage is paid by the store when USPS scans the parcel.",
    "",
    settings?.storeName ?? "",
  ];
  await tx.outboxEmail.create({
    data: {
      to: options.to,
      subject: `Your return label for order #${options.orderNumber}`,
      text: lines.join("\n").trimEnd(),
      orderId: options.orderId,
      transport: mailTransportName(),
    },
  });
}
