/** Check-digit validation for the code systems the knowledge base cites. */

/** True when a LOINC code's last digit is its mod-10 (Luhn) check digit, e.g. `8867-4`. */
export function loincCheckDigitOk(code: string): boolean {
  const match = /^([0-9]{1,7})-([0-9])$/.exec(code);
  if (!match) {
    return false;
  }
  const body = match[1] ?? '';
  const check = Number(match[2]);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === check;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when a SNOMED CT identifier's last digit is its Verhoeff check digit, e.g. `22298006`. */
export function snomedCheckDigitOk(id: string): boolean {
  if (!/^[0-9]{6,18}$/.test(id)) {
    return false;
  }
  let c = 0;
  for (let i = 0; i < id.length; i++) {
    const digit = Number(id[id.length - 1 - i]);
    c = VERHOEFF_D[c]?.[VERHOEFF_P[i % 8]?.[digit] ?? 0] ?? 0;
  }
  return c === 0;
}

/** The SNOMED CT partition of an identifier (digits 2–3 from the right): `00` concept, `01` description, `02` relationship. */
export function snomedPartition(id: string): string {
  return id.slice(-3, -1);
}
