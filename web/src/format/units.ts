const UNITS: Record<string, string> = {
  Cel: '°C',
  '[degF]': '°F',
  'mm[Hg]': 'mmHg',
  '/min': '/min',
  '{beats}/min': '/min',
  '{breaths}/min': '/min',
  '%': '%',
  'kg/m2': 'kg/m²',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
  'mL/min/1.73m2': 'mL/min/1.73 m²',
  'ug/L': 'µg/L',
  'ug/mL': 'µg/mL',
  'umol/L': 'µmol/L',
  '10*3/uL': '×10³/µL',
  '10*9/L': '×10⁹/L',
  '10*6/uL': '×10⁶/µL',
  '10*12/L': '×10¹²/L',
  '[iU]/L': 'IU/L',
  'U/L': 'U/L',
  '{score}': '',
  '{INR}': '',
  '1': '',
};

/** A UCUM unit as clinicians write it (Cel -> °C, mm[Hg] -> mmHg, {1.73_m2} -> 1.73 m², u -> µ). */
export function humanUnit(unit: string | null | undefined): string {
  if (unit === null || unit === undefined) return '';
  const known = UNITS[unit];
  if (known !== undefined) return known;
  return unit
    .replace(/\{1\.73_m2\}/g, '1.73 m²')
    .replace(/\{([^}]*)\}/g, '$1')
    .replace(/\[([^\]]*)\]/g, '$1')
    .replace(/_/g, ' ')
    .replace(/\bu(?=[gmLl])/g, 'µ')
    .replace(/m2\b/g, 'm²')
    .trim();
}

const IN_TEXT: [RegExp, string][] = [
  [/(\d)\s*Cel\b/g, '$1 °C'],
  [/mm\[Hg\]/g, 'mmHg'],
  [/mL\/min\/\{1\.73_m2\}/g, 'mL/min/1.73 m²'],
  [/\/\{1\.73_m2\}/g, '/1.73 m²'],
  [/(\d)\s*\{score\}/g, '$1'],
  [/\{(beats|breaths)\}\/min/g, '/min'],
  [/10\*3\/uL/g, '×10³/µL'],
  [/10\*9\/L/g, '×10⁹/L'],
  [/(\d)\s*kg\/m2\b/g, '$1 kg/m²'],
  [/\bumol\/L/g, 'µmol/L'],
];

/** Rewrites the UCUM units inside a sentence for display (`38.9 Cel` -> `38.9 °C`, `mm[Hg]` -> `mmHg`). */
export function humanizeUnits(text: string): string {
  return IN_TEXT.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}
