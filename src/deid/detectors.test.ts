import { describe, expect, it } from 'vitest';
import { DeidEngine } from './engine.js';
import type { PhiCategory } from './types.js';

const engine = new DeidEngine();

function found(text: string): { text: string; category: PhiCategory }[] {
  return engine.detect(text).map((s) => ({ text: s.text, category: s.category }));
}

function covers(text: string, value: string): boolean {
  const at = text.indexOf(value);
  return engine.detect(text).some((s) => s.start <= at && s.end >= at + value.length);
}

describe('text de-identification: categories in several formats', () => {
  it.each([
    ['Seen with Dr. Okonkwo today.', 'Okonkwo'],
    ['Patient: DOE, JOHN', 'DOE, JOHN'],
    ['Daughter Ngozi called.', 'Ngozi'],
    ['Reviewed by Maria Gonzalez, MD.', 'Maria Gonzalez'],
    ['per Anna S. and J. Whitcombe', 'Anna S.'],
    ['Signed by Szabina J Gelencser yesterday', 'Szabina J Gelencser'],
    ['username: jsmith42 logged in', 'jsmith42'],
  ])('names: %s', (text, value) => {
    expect(covers(text, value)).toBe(true);
  });

  it.each([
    '1/2/23',
    '01/02/2023',
    '2023-01-02',
    'Jan 2nd',
    'January 2, 2023',
    'the 3rd of May',
    '12 April 2023',
    "Jan '23",
    'Sept. 3, 2021',
    '12-Apr-2023',
    'March 2021',
    '2.1.2023',
  ])('dates: %s', (value) => {
    expect(covers(`Admitted on ${value} for pneumonia.`, value)).toBe(true);
  });

  it.each([
    ['call (617) 555-0134 today', '(617) 555-0134', 'PHONE'],
    ['cell 617-555-0134', '617-555-0134', 'PHONE'],
    ['tel 617.555.0134 x22', '617.555.0134 x22', 'PHONE'],
    ['+44 20 7946 0958 (UK)', '+44 20 7946 0958', 'PHONE'],
    ['fax 617-555-0199', '617-555-0199', 'FAX'],
    ['mail jane.roe@example.org now', 'jane.roe@example.org', 'EMAIL'],
    ['SSN 123-45-6789.', '123-45-6789', 'SSN'],
    ['MRN: 20418833', '20418833', 'MRN'],
    ['Med Rec #: A-448812', 'A-448812', 'MRN'],
    ['Member ID XKJ448812001', 'XKJ448812001', 'HEALTH_PLAN'],
    ['Acct# 99182734', '99182734', 'ACCOUNT'],
    ['DEA # AB1234563', 'AB1234563', 'LICENSE'],
    ['VIN 1HGCM82633A004352 on file', '1HGCM82633A004352', 'VEHICLE'],
    ['pacemaker serial no. PX-99812-Z', 'PX-99812-Z', 'DEVICE'],
    ['card 4111 1111 1111 1111 on file', '4111 1111 1111 1111', 'ACCOUNT'],
    ['see https://portal.example.org/u/12 for', 'https://portal.example.org/u/12', 'URL'],
    ['from 10.2.33.4 at night', '10.2.33.4', 'IP'],
    ['lives at 14 Quarry Hill Road, Apt 3', '14 Quarry Hill Road, Apt 3', 'ADDRESS'],
    ['PO Box 1123 only', 'PO Box 1123', 'ADDRESS'],
    ['Moved to Sunnyvale, CA 94087 last year', 'Sunnyvale, CA', 'CITY'],
    ['zip code 02139.', '02139', 'ZIP'],
    ['treated at Methodist Hospital', 'Methodist Hospital', 'ORGANIZATION'],
    ["seen at St. Vincent's", "St. Vincent's", 'ORGANIZATION'],
    ['followed at Mayo Clinic', 'Mayo Clinic', 'ORGANIZATION'],
    ['visited our Boston clinic', 'Boston clinic', 'CITY'],
    ['a 92-year-old woman', '92', 'AGE'],
    ['aged 97, frail', '97', 'AGE'],
    ['He works as a crane operator at the port.', 'crane operator', 'PROFESSION'],
  ])('%s', (text, value, category) => {
    const spans = found(text);
    const hit = spans.find((s) => s.text.includes(value) || value.includes(s.text));
    expect(hit, JSON.stringify(spans)).toBeDefined();
    expect(covers(text, value)).toBe(true);
    expect(hit?.category).toBe(category);
  });
});

describe('what must survive', () => {
  it.each([
    "History of Parkinson's disease and Graves' disease.",
    "Foley catheter placed; Bell's palsy resolved.",
    'Down syndrome; Wilson disease screening negative.',
    'Stevens-Johnson syndrome after lamotrigine.',
    'Positive Babinski sign, Glasgow Coma Scale 14, Wells score 2.',
    'Started apixaban 5 mg twice daily and Lasix 40 mg.',
    'A 45-year-old man and his 89-year-old mother.',
    'He was diagnosed back in 2021; HbA1c 7.6% in 2019.',
    'Received 10000 units of heparin and 250 mL saline; BP 132/78, HR 88.',
    'Framingham Heart Study findings; CHADS2 score 3; DAS28 3.5.',
    "Non-Hodgkin's lymphoma, Cushing's syndrome ruled out.",
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('redacts bare years when configured', () => {
    const strict = new DeidEngine({ redactBareYears: true });
    expect(strict.detect('diagnosed in 2021').map((s) => s.text)).toEqual(['2021']);
  });

  it('a title turns an eponym into a person', () => {
    expect(covers('Dr. Wilson saw her.', 'Wilson')).toBe(true);
  });
});

describe('known identifiers from the patient', () => {
  const known = {
    names: ['Imogen', 'Thistlewaite'],
    ids: ['20418833'],
    addresses: ['77 Larkin Row'],
    phones: ['(508) 555-0148'],
    emails: ['imo@example.net'],
    dates: ['1955-01-09'],
  };

  it('finds names with misspellings and initials, MRN without separators, address and phone', () => {
    const text = 'Thistlewait and imogen (I.T.) at 77 Larkin Row; MRN 2041-8833; ph 508 555 0148; imo@example.net';
    const spans = engine.detect(text, known).map((s) => s.text);
    for (const v of [
      'Thistlewait',
      'imogen',
      'I.T.',
      '77 Larkin Row',
      '2041-8833',
      '508 555 0148',
      'imo@example.net',
    ]) {
      expect(
        spans.some((s) => s.includes(v)),
        v,
      ).toBe(true);
    }
  });
});

describe('offsets', () => {
  it('are UTF-16 code units of the input', () => {
    const text = '😀 Patient Jane Doe, MRN: 12345678';
    for (const s of engine.detect(text)) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(engine.detect(text).find((s) => s.category === 'MRN')?.start).toBe(text.indexOf('12345678'));
  });
});
