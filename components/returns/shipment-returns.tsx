import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { listShipmentReturns } from "@/lib/returns/list-returns";
import { outboundProblem, RETURN_HOLDS_UNITS } from "@/lib/returns/return-rules";
import { CreateReturnForm } from "./create-return-form";
import { ReturnsTable } from "./returns-table";

/** The shipment page's Returns card: its return labels, and the form to create one when it can have one. */
export async function ShipmentReturns({ shipmentId, canChange }: { shipmentId: string; canChange: boolean }) {
  const db = await getDb();
  const [returns, shipment, returned] = await Promise.all([
    listShipmentReturns({ db, shipmentId }),
    db.shipment.findUniqueOrThrow({
      where: { id: shipmentId },
      select: {
        status: true, imported: true, isTestLabel: true, isInternational: true, seraLabelId: true, weightOz: true,
        order: { select: { number: true, shipToCountry: true, customer: { select: { email: true } } } },
        items: { select: { orderItemId: true, quantity: true, orderItem: { select: { productName: true } } } },
      },
    }),
    db.returnLabelItem.findMany({ where: { returnLabel: { shipmentId, ...RETURN_HOLDS_UNITS } }, select: { orderItemId: true, quantity: true } }),
  ]);
  const problem = outboundProblem(shipment);
  const lines = shipment.items.map((item) => ({
    orderItemId: item.orderItemId,
    productName: item.orderItem.productName,
    shipped: item.quantity,
    returnable: item.quantity - returned.filter((row) => row.orderItemId === item.orderItemId).reduce((sum, row) => sum + row.quantity, 0),
  }));
  const anyLeft = lines.some((line) => line.returnable > 0);
  return (
    <Card title="Returns">
      <div className="space-y-4">
        {returns.length > 0 && <ReturnsTable returns={returns} canChange={canChange} showOrder={false} />}
        {!canChange ? null : problem ? (
          <p className="text-sm text-slate-600">{problem}</p>
        ) : anyLeft ? (
          <CreateReturnForm key={returns.length} shipmentId={shipmentId} lines={lines} defaultWeightOz={shipment.weightOz} customerEmail={shipment.order.customer.email || null} />
        ) : (
          <p className="text-sm text-slate-600">Every unit of this shipment is already on a return label.</p>
        )}
      </div>
    </Card>
  );
}
