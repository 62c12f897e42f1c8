import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ShippingWizard } from "@/components/wizard/shipping-wizard";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { ZOrderNumber } from "@/lib/orders/schemas";
import { listPresets } from "@/lib/presets/list-presets";
import { getSeraClient } from "@/lib/sera/client";
import type { TCarrierService } from "@/lib/sera/transform";
import { getWizardData } from "@/lib/wizard/get-wizard-data";
import { packageMatrixFromSera } from "@/lib/wizard/package-matrix";

export const metadata: Metadata = { title: "Shipping Wizard" };

type TProps = { params: Promise<{ number: string }> };

export default async function ShippingWizardPage({ params }: TProps) {
  const user = await requirePageUser();
  const parsed = ZOrderNumber.safeParse((await params).number);
  if (!parsed.success) notFound();
  const db = await getDb();
  const [data, presets] = await Promise.all([getWizardData({ db, orderNumber: parsed.data }), listPresets({ db })]);
  if (!data) notFound();

  let services: TCarrierService[] | null = null;
  let seraProblem: string | null = data.settings.connected ? null : "ShipDesk is not connected to a SERA account yet. Connect it on the Postage page to buy labels.";
  if (data.settings.connected) {
    try {
      services = await getSeraClient({ db }).getCarrierServices(data.shipDates[0]!);
    } catch (error) {
      if (!isAppError(error)) throw error;
      seraProblem = error.userMessage;
    }
  }
  return (
    <>
      <div className="mb-2 text-sm">
        <Link href={`/orders/${data.order.number}`} className="text-brand-700 hover:underline">
          ← Order #{data.order.number}
        </Link>
      </div>
      <PageHeader title="USPS Shipping: Endicia Postage Services Wizard" description={`Order #${data.order.number} to ${data.order.shipToName}, ${data.order.shipToCountry}`} />
      {data.order.status === "cancelled" ? (
        <Alert tone="error">This order is cancelled; nothing can be shipped.</Alert>
      ) : (
        <div className="space-y-4">
          {seraProblem && <Alert tone="warning">{seraProblem}</Alert>}
          <ShippingWizard data={data} matrix={packageMatrixFromSera(services)} presets={presets} canChange={canChange(user.role)} />
        </div>
      )}
    </>
  );
}
