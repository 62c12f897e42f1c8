import { buildCustomsLines } from "@/lib/shipping/customs";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { fitMailClasses, preselectMailClass } from "@/lib/shipping/mail-class-fit";
import { packageOfItems } from "@/lib/shipping/package-of-items";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import type { TWizardData } from "@/lib/wizard/get-wizard-data";

export type TPickedItem = { orderItemId: string; quantity: number };

/** The wizard's starting values for the picked items, as ProductCart's wizard prefilled them. */
export function wizardDefaults(data: TWizardData, picked: TPickedItem[], shipmentId: string): TBuyLabelInput {
  const { order, settings } = data;
  const chosen = picked.map((pick) => ({ pick, item: order.items.find((item) => item.id === pick.orderItemId)! }));
  const weightOz = Math.max(1, chosen.reduce((sum, { pick, item }) => sum + pick.quantity * item.unitWeightOz, 0));
  const valueCents = chosen.reduce((sum, { pick, item }) => sum + pick.quantity * item.unitPriceCents, 0);
  // The items' own sizes (a store's product dimensions) make the starting box; else the store's default box.
  const itemsBox = packageOfItems(chosen.map(({ pick, item }) => ({ ...item, quantity: pick.quantity })));
  const fits = fitMailClasses({ destinationCountry: order.shipToCountry, weightOz, dimensions: itemsBox ?? undefined });
  const mailClass = preselectMailClass(fits, { checkoutMailClass: order.checkoutMailClass, storeDefaultMailClass: settings.defaultMailClass }) ?? "";
  const packagingType = findMailClass(mailClass)?.defaultPackagingType ?? settings.defaultPackagingType;
  const customs = data.international
    ? {
        contentsType: "merchandise" as const,
        contentsDescription: "",
        nonDeliveryOption: "return_to_sender" as const,
        lines: buildCustomsLines(chosen.map(({ pick, item }) => ({ ...item, quantity: pick.quantity }))).lines.map((line) => ({ ...line, hsCode: line.hsCode ?? "" })),
      }
    : undefined;
  return {
    shipmentId,
    orderNumber: order.number,
    items: picked,
    mailClass,
    packagingType,
    weightOz,
    dimensions: packagingType === "package" ? (itemsBox ?? settings.dimensions) : undefined,
    shipDate: data.shipDates[0]!,
    labelFormat: "pdf",
    labelSize: "size_4x6",
    shipFrom: settings.shipFrom,
    shipTo: {
      name: order.shipToName,
      company: order.shipToCompany ?? "",
      line1: order.shipToLine1,
      line2: order.shipToLine2 ?? "",
      city: order.shipToCity,
      state: order.shipToState ?? "",
      postalCode: order.shipToPostalCode,
      countryCode: order.shipToCountry,
      phone: order.shipToPhone ?? "",
      email: order.customer.email,
    },
    packageValueCents: valueCents,
    description: `Order #${order.number}`,
    referenceNumber: String(order.customer.number),
    insuredValueCents: undefined,
    deliveryConfirmation: data.international ? "none" : "tracking",
    customs,
    flagAsShipped: true,
    comments: "",
  };
}

/** Which tab shows a field: errors are flagged on the tab's title. */
export const TAB_OF_FIELD: Array<[RegExp, TWizardTab]> = [
  [/^(mailClass|labelFormat|labelSize)/, "label"],
  [/^(shipDate|flagAsShipped|comments)/, "ship"],
  [/^(shipFrom|shipTo)/, "addresses"],
  [/^(packagingType|weightOz|dimensions|packageValueCents|description|referenceNumber|insuredValueCents|deliveryConfirmation|customs)/, "package"],
];

export type TWizardTab = "balance" | "label" | "ship" | "addresses" | "package";

export const TABS: Array<{ id: TWizardTab; title: string }> = [
  { id: "balance", title: "Account Balance" },
  { id: "label", title: "Label Settings" },
  { id: "ship", title: "Ship Settings" },
  { id: "addresses", title: "Ship From / Recipient" },
  { id: "package", title: "Package Information" },
];
