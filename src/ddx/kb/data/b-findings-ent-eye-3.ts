import { defineFindings } from '../schema.js';

/** Part B findings: ear, nose, throat and eye symptoms, signs and tests. (continued) */
export const findings = defineFindings([
  {
    id: 'small-irregular-pupil',
    label: 'Small or irregular pupil',
    kind: 'sign',
    synonyms: ['small pupil', 'irregular pupil', 'miotic pupil', 'posterior synechiae'],
  },
  {
    id: 'previous-uveitis',
    label: 'Previous uveitis',
    kind: 'history',
    synonyms: ['previous uveitis', 'previous iritis', 'recurrent iritis'],
  },
  {
    id: 'slit-lamp-anterior-chamber-cells',
    label: 'Anterior chamber cells and flare on slit lamp',
    kind: 'sign',
    synonyms: ['anterior chamber cells', 'cells and flare', 'hypopyon', 'keratic precipitates'],
  },
  {
    id: 'contact-lens-wear',
    label: 'Contact lens wearer',
    kind: 'risk-factor',
    synonyms: ['contact lenses', 'contact lens wearer', 'wears contacts', 'slept in contact lenses'],
  },
  {
    id: 'corneal-opacity',
    label: 'Corneal opacity or infiltrate',
    kind: 'sign',
    synonyms: ['corneal infiltrate', 'white spot on cornea', 'corneal opacity', 'dendritic lesion'],
  },
  {
    id: 'fluorescein-uptake',
    label: 'Fluorescein staining of the cornea',
    kind: 'sign',
    synonyms: ['fluorescein uptake', 'fluorescein staining', 'corneal staining', 'dendrite on fluorescein'],
  },
  {
    id: 'blepharitis-signs',
    label: 'Crusted, inflamed eyelid margins',
    kind: 'sign',
    synonyms: [
      'crusty eyelid margins',
      'scaly eyelids',
      'inflamed lid margins',
      'eyelash crusting',
      'crusty eyelids',
      'inflamed eyelid margins',
      'eyelid margins inflamed',
      'red eyelid margins',
    ],
  },
]);
