/**
 * A starting box for the units in one shipment, from each unit's own size (a store product's
 * dimensions), in whole inches: the units stand on their largest face and are stacked, so the box
 * is as long and wide as the largest unit and as high as the stack. An estimate the admin can
 * change in the wizard; null when any unit's size is unknown, so the store's default box applies.
 */
export type TBoxInches = { lengthIn: number; widthIn: number; heightIn: number };
export type TUnitsOfSize = { quantity: number; lengthIn: number | null; widthIn: number | null; heightIn: number | null };

export function packageOfItems(units: TUnitsOfSize[]): TBoxInches | null {
  const picked = units.filter((unit) => unit.quantity > 0);
  if (picked.length === 0) return null;
  let lengthIn = 0;
  let widthIn = 0;
  let heightIn = 0;
  for (const unit of picked) {
    if (!unit.lengthIn || !unit.widthIn || !unit.heightIn) return null;
    const [longest, middle, shortest] = [unit.lengthIn, unit.widthIn, unit.heightIn].sort((a, b) => b - a) as [number, number, number];
    lengthIn = Math.max(lengthIn, longest);
    widthIn = Math.max(widthIn, middle);
    heightIn += shortest * unit.quantity;
  }
  return { lengthIn, widthIn, heightIn };
}
