import { defineFindings } from '../schema.js';

/** Part A findings: risk factors, past history, medications and exposures. (part 3 of 4) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'digoxin-use',
    label: 'Takes digoxin',
    kind: 'history',
    synonyms: ['digoxin', 'on digoxin', 'digitalis', 'takes digoxin'],
  },
  {
    id: 'co-exposure',
    label: 'Possible carbon monoxide exposure',
    kind: 'history',
    synonyms: [
      'faulty boiler',
      'gas heater',
      'generator indoors',
      'house fire',
      'smoke inhalation',
      'faulty gas fire',
      'charcoal grill indoors',
      'car exhaust',
      'possible carbon monoxide exposure',
    ],
  },
  {
    id: 'pesticide-exposure',
    label: 'Organophosphate or pesticide exposure',
    kind: 'history',
    synonyms: [
      'pesticide',
      'organophosphate',
      'insecticide',
      'farm chemicals',
      'crop spraying',
      'nerve agent',
      'sheep dip',
      'organophosphate or pesticide exposure',
    ],
  },
  {
    id: 'heat-exposure',
    label: 'Exposure to high heat or exertion in heat',
    kind: 'history',
    synonyms: [
      'hot weather',
      'heat wave',
      'heatwave',
      'exercising in the heat',
      'marathon',
      'working outside in the heat',
      'sauna',
      'left in a hot car',
      'exposure to high heat or exertion in heat',
    ],
  },
]);
