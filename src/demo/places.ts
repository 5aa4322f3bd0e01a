/** Places and organizations for synthetic demographics. Written for Vitalis; any resemblance is coincidental. */
export interface City {
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly areaCode: string;
}

/** Fictional towns with state, ZIP prefix and area code. */
export const CITIES: readonly City[] = [
  { city: 'Riverton', state: 'MA', zip: '021', areaCode: '617' },
  { city: 'Maple Falls', state: 'MA', zip: '014', areaCode: '978' },
  { city: 'Harbor Point', state: 'MA', zip: '027', areaCode: '508' },
  { city: 'Cedar Ridge', state: 'MA', zip: '010', areaCode: '413' },
  { city: 'Westbrook', state: 'MA', zip: '017', areaCode: '781' },
  { city: 'Stonebridge', state: 'MA', zip: '019', areaCode: '339' },
  { city: 'Millhaven', state: 'MA', zip: '013', areaCode: '774' },
  { city: 'Lakeshore', state: 'MA', zip: '015', areaCode: '351' },
];

/** Street names for home addresses. */
export const STREET_NAMES = [
  'Elm',
  'Chestnut',
  'Harbor View',
  'Orchard',
  'Beacon Hill',
  'Linden',
  'Mill Pond',
  'Quarry',
  'Willow Bend',
  'Sycamore',
  'Foundry',
  'Juniper',
  'Lighthouse',
  'Old Post',
  'Prospect',
  'Sumner',
  'Tamarack',
  'Granite',
  'Bayberry',
  'Meadowlark',
] as const;

/** Street suffixes for home addresses. */
export const STREET_SUFFIXES = ['Street', 'Avenue', 'Road', 'Lane', 'Court', 'Drive', 'Way', 'Terrace'] as const;

/** Reserved example domains for patient emails. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example'] as const;

/** A fictional facility and where it is. */
export interface OrganizationSeed {
  readonly name: string;
  readonly alias: string;
  readonly cityIndex: number;
  readonly street: string;
}

/** The fictional facilities of the demo. */
export const ORGANIZATIONS: readonly OrganizationSeed[] = [
  { name: 'Riverton General Hospital', alias: 'RGH', cityIndex: 0, street: '100 Hospital Drive' },
  { name: 'Maple Falls Medical Center', alias: 'MFMC', cityIndex: 1, street: '55 Health Park Road' },
  { name: 'Harbor Point Community Hospital', alias: 'HPCH', cityIndex: 2, street: '8 Seawall Avenue' },
  { name: "St. Brigid's Children's and Family Hospital", alias: 'St. Brigid', cityIndex: 3, street: '2 Convent Lane' },
  { name: 'Westbrook Valley Health', alias: 'WVH', cityIndex: 4, street: '1200 Valley Parkway' },
];

/** Clinician specialties, assigned round-robin. */
export const SPECIALTIES = [
  'Internal Medicine',
  'Emergency Medicine',
  'Cardiology',
  'Nephrology',
  'Geriatrics',
  'Pediatrics',
  'Family Medicine',
  'Critical Care',
] as const;
