import { addUspsBusinessDays } from "../usps/calendar";

/** Days in transit by zone (domestic) or the published range (international), on USPS business days. */
export function transitDays(serviceType: string, zone: number): { label: string; days: number } {
  const byZone = (steps: [number, number][], territory: number) => {
    if (zone === 9) return territory;
    return (steps.find(([maxZone]) => zone <= maxZone) ?? steps[steps.length - 1])[1];
  };
  switch (serviceType) {
    case "usps_first_class_mail": return single(byZone([[2, 2], [4, 3], [6, 4], [8, 5]], 5));
    case "usps_ground_advantage":
    case "usps_pay_on_use_return": return single(byZone([[2, 2], [4, 3], [6, 4], [8, 5]], 7));
    case "usps_priority_mail": return single(byZone([[2, 1], [5, 2], [8, 3]], 4));
    case "usps_priority_mail_express": return single(byZone([[5, 1], [8, 2]], 3));
    case "usps_media_mail": return single(byZone([[2, 3], [4, 5], [6, 6], [8, 8]], 9));
    case "usps_first_class_mail_international": return { label: "7-21", days: 21 };
    case "usps_priority_mail_international": return { label: "6-10", days: 10 };
    case "usps_priority_mail_express_international": return { label: "3-5", days: 5 };
    default: return single(5);
  }
}

function single(days: number) {
  return { label: String(days), days };
}

export function estimatedDeliveryDate(shipDate: string, days: number): string {
  return `${addUspsBusinessDays(shipDate, days)}T00:00:00`;
}
