/**
 * USPS tracking number check digits. IMpb (22 digits: "94", a service type code, the mailer id
 * and a serial) uses mod 10 weighted 3,1,3,1... from the right; international S10 numbers
 * ("LX123456785US") use the UPU mod 11 check on eight digits.
 */
export function impbCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const fromRight = digits.length - 1 - index;
    sum += Number(digits[index]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidImpb(trackingNumber: string): boolean {
  if (!/^\d{22}$/.test(trackingNumber)) return false;
  return impbCheckDigit(trackingNumber.slice(0, 21)) === Number(trackingNumber[21]);
}

export function buildImpb(serviceTypeCode: string, mailerId: string, serial: string): string {
  const body = `94${serviceTypeCode}${mailerId}${serial}`;
  if (!/^\d{21}$/.test(body)) throw new Error("An IMpb body is 21 digits before its check digit");
  return `${body}${impbCheckDigit(body)}`;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((total, digit, index) => total + Number(digit) * S10_WEIGHTS[index]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export function buildS10(prefix: string, serial: string, country = "US"): string {
  if (!/^[A-Z]{2}$/.test(prefix) || !/^\d{8}$/.test(serial)) throw new Error("An S10 number is two letters and eight digits");
  return `${prefix}${serial}${s10CheckDigit(serial)}${country}`;
}
