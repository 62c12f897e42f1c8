import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";

/**
 * The wizard's mail class defaults to the customer's checkout choice when that names a USPS
 * service ("USPS Priority Mail", "Priority Mail Express", "usps_ground_advantage"). The longest
 * name that matches wins, so "Priority Mail Express" is not taken for "Priority Mail".
 */
export function mailClassOfCheckout(method: string | null): string | null {
  if (!method) return null;
  const text = method.toLowerCase().replaceAll("-", " ").replace(/\s+/g, " ");
  const candidates = [...MAIL_CLASSES].sort((a, b) => b.name.length - a.name.length);
  for (const mailClass of candidates) {
    const name = mailClass.name.toLowerCase().replaceAll("-", " ");
    if (text === mailClass.serviceType || text.includes(name) || text.includes(name.replace(/^usps /, ""))) return mailClass.serviceType;
  }
  return null;
}
