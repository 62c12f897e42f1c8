import { deliveryConfirmationOptions } from "@/lib/shipping/mail-classes";
import type { TPresetInput } from "./schemas";

type TStoreDefaults = { defaultMailClass: string; defaultPackagingType: string; dimensions: { lengthIn: number; widthIn: number; heightIn: number } };

/** A new preset starts from the store's default package, with tracking where the class offers it. */
export function newPresetInput({ defaultMailClass, defaultPackagingType, dimensions }: TStoreDefaults): TPresetInput {
  const tracked = deliveryConfirmationOptions(defaultMailClass, defaultPackagingType).includes("tracking");
  return {
    name: "",
    mailClass: defaultMailClass,
    deliveryWithinDays: null,
    packagingType: defaultPackagingType,
    dimensions: defaultPackagingType === "package" ? dimensions : null,
    weightOz: null,
    labelFormat: "pdf",
    labelSize: "size_4x6",
    deliveryConfirmation: tracked ? "tracking" : "none",
    flagAsShipped: true,
    notifyCustomer: true,
  };
}
