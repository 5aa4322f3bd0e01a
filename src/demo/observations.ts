import type { CodeableConcept, Meta, Observation, Quantity } from '@medplum/fhirtypes';
import { loinc, SYSTEMS } from './codes.js';
import { fhirDateTime } from './dates.js';
import { interpretLab, LABS, type LabKey } from './labs.js';
import { round } from './prng.js';
import type { RecordBuilder, Ref } from './record-builder.js';

/** One set of vital signs taken at one time. Any field may be missing. */
export interface VitalSet {
  hr?: number;
  rr?: number;
  temp?: number;
  sys?: number;
  dia?: number;
  spo2?: number;
  weight?: number;
  height?: number;
  /** Glasgow coma scale total (3-15). */
  gcs?: number;
  /** Inhaled oxygen concentration in % (21 = room air). */
  fio2?: number;
}

/** meta with the R4 vital-signs profile of the given name. */
function vitalsMeta(profile: string): Meta {
  return { profile: [`http://hl7.org/fhir/StructureDefinition/${profile}`] };
}

const VITALS_CATEGORY: CodeableConcept[] = [
  { coding: [{ system: SYSTEMS.obsCategory, code: 'vital-signs', display: 'Vital Signs' }] },
];
const LAB_CATEGORY: CodeableConcept[] = [
  { coding: [{ system: SYSTEMS.obsCategory, code: 'laboratory', display: 'Laboratory' }] },
];
const INTERPRETATION_DISPLAY = { H: 'High', L: 'Low', N: 'Normal' } as const;

function interpretation(flag: 'H' | 'L' | 'N'): CodeableConcept[] {
  return [{ coding: [{ system: SYSTEMS.interpretation, code: flag, display: INTERPRETATION_DISPLAY[flag] }] }];
}

function quantity(value: number, unit: string, code = unit): Quantity {
  return { value, unit, system: SYSTEMS.ucum, code };
}

interface VitalDef {
  /** The R4 vital-signs profile this observation conforms to. */
  profile: string;
  code: CodeableConcept;
  unit: string;
  ucum: string;
  decimals: number;
  low?: number;
  high?: number;
}

const VITAL_DEFS: Record<Exclude<keyof VitalSet, 'sys' | 'dia'> | 'bmi', VitalDef> = {
  hr: {
    profile: 'heartrate',
    code: { coding: [loinc('8867-4', 'Heart rate')], text: 'Heart rate' },
    unit: '/min',
    ucum: '/min',
    decimals: 0,
    low: 60,
    high: 100,
  },
  rr: {
    profile: 'resprate',
    code: { coding: [loinc('9279-1', 'Respiratory rate')], text: 'Respiratory rate' },
    unit: '/min',
    ucum: '/min',
    decimals: 0,
    low: 12,
    high: 20,
  },
  temp: {
    profile: 'bodytemp',
    code: { coding: [loinc('8310-5', 'Body temperature')], text: 'Body temperature' },
    unit: 'Cel',
    ucum: 'Cel',
    decimals: 1,
    low: 36.1,
    high: 37.9,
  },
  spo2: {
    profile: 'oxygensat',
    code: {
      coding: [
        loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
        loinc('2708-6', 'Oxygen saturation in Arterial blood'),
      ],
      text: 'SpO2',
    },
    unit: '%',
    ucum: '%',
    decimals: 0,
    low: 95,
  },
  weight: {
    profile: 'bodyweight',
    code: { coding: [loinc('29463-7', 'Body weight')], text: 'Body weight' },
    unit: 'kg',
    ucum: 'kg',
    decimals: 1,
  },
  height: {
    profile: 'bodyheight',
    code: { coding: [loinc('8302-2', 'Body height')], text: 'Body height' },
    unit: 'cm',
    ucum: 'cm',
    decimals: 1,
  },
  gcs: {
    profile: 'vitalsigns',
    code: { coding: [loinc('9269-2', 'Glasgow coma score total')], text: 'GCS total' },
    unit: '{score}',
    ucum: '{score}',
    decimals: 0,
    low: 15,
  },
  fio2: {
    profile: 'vitalsigns',
    code: { coding: [loinc('3150-0', 'Inhaled oxygen concentration')], text: 'FiO2' },
    unit: '%',
    ucum: '%',
    decimals: 0,
  },
  bmi: {
    profile: 'bmi',
    code: { coding: [loinc('39156-5', 'Body mass index (BMI) [Ratio]')], text: 'BMI' },
    unit: 'kg/m2',
    ucum: 'kg/m2',
    decimals: 1,
    low: 18.5,
    high: 25,
  },
};

function flagOf(def: { low?: number; high?: number }, value: number): 'H' | 'L' | 'N' {
  if (def.high !== undefined && value > def.high) {
    return 'H';
  }
  if (def.low !== undefined && value < def.low) {
    return 'L';
  }
  return 'N';
}

function base(
  b: RecordBuilder,
  at: number,
  encounter: Ref | undefined,
): Pick<Observation, 'status' | 'subject' | 'effectiveDateTime' | 'issued' | 'encounter'> {
  return {
    status: 'final',
    subject: b.patient,
    ...(encounter ? { encounter } : {}),
    effectiveDateTime: fhirDateTime(at),
    issued: fhirDateTime(at + 15 * 60_000),
  };
}

/** Records a set of vital signs (BMI is derived when weight and height are both given). */
export function addVitals(b: RecordBuilder, vitals: VitalSet, at: number, encounter?: Ref): void {
  if (vitals.sys !== undefined && vitals.dia !== undefined) {
    const sys = Math.round(vitals.sys);
    const dia = Math.round(vitals.dia);
    b.add({
      resourceType: 'Observation',
      id: b.nextId('obs'),
      meta: vitalsMeta('bp'),
      ...base(b, at, encounter),
      category: VITALS_CATEGORY,
      code: { coding: [loinc('85354-9', 'Blood pressure panel with all children optional')], text: 'Blood pressure' },
      component: [
        {
          code: { coding: [loinc('8480-6', 'Systolic blood pressure')] },
          valueQuantity: quantity(sys, 'mm[Hg]'),
          interpretation: interpretation(flagOf({ low: 90, high: 139 }, sys)),
        },
        {
          code: { coding: [loinc('8462-4', 'Diastolic blood pressure')] },
          valueQuantity: quantity(dia, 'mm[Hg]'),
          interpretation: interpretation(flagOf({ low: 60, high: 89 }, dia)),
        },
      ],
    });
  }
  const simple: [keyof typeof VITAL_DEFS, number | undefined][] = [
    ['hr', vitals.hr],
    ['rr', vitals.rr],
    ['temp', vitals.temp],
    ['spo2', vitals.spo2],
    ['weight', vitals.weight],
    ['height', vitals.height],
    ['gcs', vitals.gcs],
    ['fio2', vitals.fio2],
    [
      'bmi',
      vitals.weight !== undefined && vitals.height !== undefined
        ? vitals.weight / (vitals.height / 100) ** 2
        : undefined,
    ],
  ];
  for (const [key, raw] of simple) {
    if (raw === undefined) {
      continue;
    }
    const def = VITAL_DEFS[key];
    const value = round(raw, def.decimals);
    const hasRange = def.low !== undefined || def.high !== undefined;
    b.add({
      resourceType: 'Observation',
      id: b.nextId('obs'),
      meta: vitalsMeta(def.profile),
      ...base(b, at, encounter),
      category: VITALS_CATEGORY,
      code: def.code,
      valueQuantity: quantity(value, def.unit, def.ucum),
      ...(hasRange ? { interpretation: interpretation(flagOf(def, value)) } : {}),
    });
  }
}

/** Records one laboratory result with reference range and H/L/N interpretation; returns the rounded value. */
export function addLab(b: RecordBuilder, lab: { key: LabKey; value: number; at: number; encounter?: Ref }): number {
  const { key, at, encounter } = lab;
  const def = LABS[key];
  const value = round(Math.max(lab.value, 0), def.decimals);
  const range = {
    ...(def.low !== undefined ? { low: quantity(def.low, def.unit, def.ucum) } : {}),
    ...(def.high !== undefined ? { high: quantity(def.high, def.unit, def.ucum) } : {}),
    ...(key === 'hsTroponinI' ? { text: '99th percentile upper reference limit' } : {}),
  };
  b.add({
    resourceType: 'Observation',
    id: b.nextId('obs'),
    ...base(b, at, encounter),
    category: LAB_CATEGORY,
    code: { coding: [loinc(def.code, def.display)], text: def.short },
    valueQuantity: quantity(value, def.unit, def.ucum),
    interpretation: interpretation(interpretLab(def, value)),
    referenceRange: [range],
  });
  return value;
}
