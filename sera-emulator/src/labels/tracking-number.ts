/** IMpb check digit: weights 3,1,3,1... from the rightmost digit; check = (10 - sum mod 10) mod 10 (SERA-NOTES). */
export function impbCheckDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((digit, i) => (sum += Number(digit) * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10;
}

/**
 * 22-digit IMpb tracking number: `94` (online channel) + 3-digit service type code + 9-digit mailer ID
 * + 7-digit serial + check digit, like the seed's 9405511899560772485630.
 */
export function impbTrackingNumber(serviceTypeCode: string, mailerId: string, serial: number): string {
  const body = `94${serviceTypeCode}${mailerId.padStart(9, "0").slice(-9)}${String(serial % 10_000_000).padStart(7, "0")}`;
  return `${body}${impbCheckDigit(body)}`;
}

/** UPU S10 check digit: weights 8,6,4,2,3,5,9,7; 11 - sum mod 11, where 10 becomes 0 and 11 becomes 5. */
export function s10CheckDigit(serial8: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial8].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** International items carry a UPU S10 number, e.g. CP123456785US for Priority Mail International. */
export function s10TrackingNumber(prefix: string, serial: number): string {
  const serial8 = String(serial % 100_000_000).padStart(8, "0");
  return `${prefix}${serial8}${s10CheckDigit(serial8)}US`;
}

/** Groups of four, as printed under the barcode. */
export function spacedTrackingNumber(trackingNumber: string): string {
  return /^\d+$/.test(trackingNumber) ? trackingNumber.replace(/(\d{4})(?=\d)/g, "$1 ") : trackingNumber;
}

/** GS1-128 content: the 420 + destination ZIP routing code, then the tracking number under AI 92-95 style. */
export function impbBarcodeData(trackingNumber: string, destinationZip: string | null): string {
  const routing = destinationZip ? `(420)${destinationZip}` : "";
  return `${routing}(${trackingNumber.slice(0, 2)})${trackingNumber.slice(2)}`;
}
