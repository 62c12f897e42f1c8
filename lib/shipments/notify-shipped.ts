import type { Prisma } from "@/lib/generated/prisma/client";
import { mailTransportName } from "@/lib/mail/transport-name";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/**
 * Queues the customer's "Your order has shipped" e-mail in the outbox, inside the transaction that
 * recorded the label (a transactional outbox: a crash cannot lose it or queue it twice). The mail
 * job delivers it after the commit when SMTP is configured.
 */
export async function queueShippedEmail(
  tx: Prisma.TransactionClient,
  options: { orderId: string; shipmentId: string; trackingNumber: string | null; mailClass: string; comments: string | null; inPart: boolean },
) {
  const [order] = await tx.$queryRaw<{ number: number; customer: { email: string; firstName: string } }[]>`
    SELECT o.number, json_build_object('email', c.email, 'firstName', c."firstName") AS customer
    FROM "Order" AS o JOIN "Customer" AS c ON c.id = o."customerId" WHERE o.id = ${options.orderId}::uuid`;
  if (!order) throw new Error(`Order ${options.orderId} does not exist`);
  const settings = await readStoreSettings(tx);
  const mailClassName = findMailClass(options.mailClass)?.name ?? options.mailClass;
  const { trackingNumber } = options;
  const lines = [
    `Hello ${order.customer.firstName},`,
    "",
    `Your order #${order.number} has shipped${options.inPart ? " in part" : ""} with ${mailClassName}.`,
    ...(trackingNumber
      ? [`Tracking number: ${trackingNumber}`, `Track your package: https://tools.usps.com/go/TrackConfirmAction?tLabels=${trackingNumber}`]
      : []),
    ...(options.comments ? ["", options.comments] : []),
    "",
    settings?.storeName ?? "",
  ];
  await tx.outboxEmail.create({
    data: {
      to: order.customer.email,
      subject: `Your order #${order.number} has shipped`,
      text: lines.join("\n").trimEnd(),
      orderId: options.orderId,
      shipmentId: options.shipmentId,
      transport: mailTransportName(),
    },
  });
}

/** A label given back: its "shipped" e-mail, if not sent yet, must not go out. */
export async function withdrawUnsentEmails(tx: Prisma.TransactionClient, shipmentId: string): Promise<number> {
  const withdrawn = await tx.outboxEmail.deleteMany({ where: { shipmentId, sentAt: null } });
  return withdrawn.count;
}
