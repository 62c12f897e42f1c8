import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SHIPMENT_STATUSES, SHIPMENT_STATUS_LABELS, type TShipmentListFilters } from "@/lib/shipments/parse-shipment-filters";
import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";

const CONTROL = "block max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A plain GET form: filters live in the URL so they can be bookmarked and shared. */
export function ShipmentsFilterBar({ filters }: { filters: TShipmentListFilters }) {
  const active = Boolean(filters.createdFrom || filters.createdTo || filters.status || filters.mailClass || filters.shipDate);
  return (
    <form method="get" role="search" aria-label="Shipment filters" className="mb-4 flex flex-wrap items-end gap-3">
      <Labelled id="shipments-created-from" label="Created from">
        <input id="shipments-created-from" type="date" name="createdFrom" defaultValue={filters.createdFrom ?? ""} className={CONTROL} />
      </Labelled>
      <Labelled id="shipments-created-to" label="Created to">
        <input id="shipments-created-to" type="date" name="createdTo" defaultValue={filters.createdTo ?? ""} className={CONTROL} />
      </Labelled>
      <Labelled id="shipments-status" label="Status">
        <select id="shipments-status" name="status" defaultValue={filters.status ?? ""} className={CONTROL}>
          <option value="">All statuses</option>
          {SHIPMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {SHIPMENT_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="shipments-service" label="Service">
        <select id="shipments-service" name="mailClass" defaultValue={filters.mailClass ?? ""} className={CONTROL}>
          <option value="">All services</option>
          {MAIL_CLASSES.map((mailClass) => (
            <option key={mailClass.serviceType} value={mailClass.serviceType}>
              {mailClass.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="shipments-ship-date" label="Ship date">
        <input id="shipments-ship-date" type="date" name="shipDate" defaultValue={filters.shipDate ?? ""} className={CONTROL} />
      </Labelled>
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      {active && (
        <Link href="/shipments" className={buttonClass("ghost")}>
          Clear
        </Link>
      )}
    </form>
  );
}
