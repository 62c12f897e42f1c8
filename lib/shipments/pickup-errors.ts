/**
 * SERA's pickup refusals (800100-800106) in words a store admin can act on. Pure, so each
 * wording is unit-tested. `labelNames` turns SERA label ids into what the admin sees
 * (order number and tracking number).
 */
export function pickupErrorMessage(seraCode: string | null, seraMessage: string | null, labelNames: Record<string, string> = {}): string | null {
  const detail = seraMessage ? replaceLabelIds(seraMessage, labelNames) : "";
  switch (seraCode) {
    case "800100":
      return "USPS pickups could not be booked: SERA says this carrier does not offer pickups. ShipDesk books USPS pickups only, so check that USPS is enabled on the Stamps.com account.";
    case "800101":
      return "The selected labels belong to different carriers. One pickup collects one carrier's packages: select USPS labels only.";
    case "800102": {
      const which = /label (.+?)\.?$/i.exec(detail)?.[1];
      return `${which ? `A label cannot be picked up: ${which}.` : "One of the selected labels cannot be picked up."} Voided labels, test labels, labels USPS has already scanned and labels in another pickup cannot go in a pickup. Leave it out and try again.`;
    }
    case "800103":
      return "USPS does not pick up on Sundays. Pickups are booked for the next USPS business day (Monday to Saturday); reload the page to get it.";
    case "800104": {
      const holiday = /\((.+)\)/.exec(detail)?.[1];
      return `USPS does not pick up on federal holidays${holiday ? ` (${holiday})` : ""}. Reload the page to get the next USPS business day.`;
    }
    case "800105":
      return "USPS books pickups only for the next USPS business day, and SERA says the date asked for is not it (the day may have just changed). Reload the page and schedule again.";
    case "800106":
      return "The selected labels have different ship-from addresses or contact details. A carrier picks up at one address: select only labels shipped from the same address.";
    default:
      return null;
  }
}

function replaceLabelIds(message: string, labelNames: Record<string, string>): string {
  let text = message;
  for (const [labelId, name] of Object.entries(labelNames)) text = text.replaceAll(labelId, name);
  return text;
}
