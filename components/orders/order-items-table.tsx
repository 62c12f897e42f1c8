import { formatCents, formatWeightOz } from "@/lib/format";
import { heldUnits } from "@/lib/orders/fulfilment";
import type { TOrderDetail } from "@/lib/orders/get-order";

type TItem = TOrderDetail["items"][number];

export function OrderItemsTable({ items }: { items: TItem[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-4">Product</th>
            <th className="py-2 pr-4">SKU</th>
            <th className="py-2 pr-4 text-right">Qty</th>
            <th className="py-2 pr-4 text-right">Shipped</th>
            <th className="py-2 pr-4 text-right">To ship</th>
            <th className="py-2 pr-4 text-right">Unit weight</th>
            <th className="py-2 text-right">Unit price</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => {
            const shipped = heldUnits(item);
            return (
              <tr key={item.id}>
                <td className="py-2 pr-4 font-medium">{item.productName}</td>
                <td className="py-2 pr-4 font-mono text-xs text-slate-600">{item.sku}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{item.quantity}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{shipped}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{Math.max(item.quantity - shipped, 0)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatWeightOz(item.unitWeightOz)}</td>
                <td className="py-2 text-right tabular-nums">{formatCents(item.unitPriceCents)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
