/**
 * Three-digit ZIP prefixes whose combined population is 20,000 or fewer: Safe Harbor (45 CFR 164.514(b)(2)(i)(B))
 * requires "000" for them. The 17 prefixes below are those HHS lists from the 2000 Census in its "Guidance Regarding
 * Methods for De-identification of PHI" (OCR, 26 Nov 2012, section 3.4): 036, 059, 063, 102, 203, 556, 692, 790, 821,
 * 823, 830, 831, 878, 879, 884, 890, 893. A site with newer Census figures can pass its own list.
 */
export const RESTRICTED_ZIP3: ReadonlySet<string> = new Set([
  '036',
  '059',
  '063',
  '102',
  '203',
  '556',
  '692',
  '790',
  '821',
  '823',
  '830',
  '831',
  '878',
  '879',
  '884',
  '890',
  '893',
]);

/** Safe Harbor ZIP: the first three digits, or "000" for restricted prefixes; null when there is no ZIP. */
export function safeHarborZip(postalCode: string, restricted: ReadonlySet<string> = RESTRICTED_ZIP3): string | null {
  const digits = postalCode.replace(/\D/g, '');
  if (digits.length < 3) {
    return null;
  }
  const zip3 = digits.slice(0, 3);
  return restricted.has(zip3) ? '000' : zip3;
}
