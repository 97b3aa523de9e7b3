/**
 * Swedish organisationsnummer: ten digits, written NNNNNN-NNNN, whose last digit is the Luhn
 * (mod 10) check digit of the first nine. The database checks the same rule
 * (`public.org_number_is_valid`); this copy gives the form its message before anything is sent.
 */

const FORMAT = /^(\d{6})-?(\d{4})$/;

/** The check digit of nine digits (Luhn: double every other digit from the left, sum the digits). */
export function luhnCheckDigit(nineDigits: string): number {
  let total = 0;
  for (let index = 0; index < 9; index++) {
    const product = Number(nineDigits[index]) * (index % 2 === 0 ? 2 : 1);
    total += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (total % 10)) % 10;
}

/** NNNNNN-NNNN for a well-formed number (with or without the hyphen, spaces around ignored); else null. */
export function normalizeOrgNumber(value: string): string | null {
  const match = FORMAT.exec(value.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** True when `value` is NNNNNN-NNNN or ten digits and its check digit is right. */
export function isValidOrgNumber(value: string): boolean {
  const normalized = normalizeOrgNumber(value);
  if (!normalized) return false;
  const digits = normalized.replace("-", "");
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}
