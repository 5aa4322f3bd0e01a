// HL7 PDDI-CDS contextual rules (warfarin + NSAID, digoxin + cyclosporine), in our own words.
import { ACETAMINOPHEN, DIGOXIN_LEVEL, INR, NSAID, WARFARIN } from './ddi-shared.js';
import { REF } from './references.js';
import type { DdiRule } from './schema.js';

/** HL7 PDDI-CDS exemplar rules (contextual). */
export const PDDI_RULES: readonly DdiRule[] = [
  {
    id: 'pddi-warfarin-nsaid',
    origin: 'hl7-pddi-cds',
    a: WARFARIN,
    b: NSAID,
    tier: 'interruptive',
    effect: 'Higher risk of bleeding, especially upper GI bleeding (NSAID mucosal injury plus antiplatelet effect).',
    management:
      'Prefer acetaminophen or a topical NSAID. If a systemic NSAID is needed: shortest course, add a PPI or misoprostol, check INR and watch for bleeding.',
    reference: REF.pddiCds,
    systemicOnly: true,
    context: 'warfarin-nsaid',
    actions: [
      ACETAMINOPHEN,
      { kind: 'replace', label: 'Add pantoprazole for GI protection', rxcui: '40790', name: 'pantoprazole' },
      INR,
    ],
  },
  {
    id: 'pddi-digoxin-cyclosporine',
    origin: 'hl7-pddi-cds',
    a: { label: 'digoxin', ingredients: ['3407'] },
    b: { label: 'cyclosporine', ingredients: ['3008'] },
    tier: 'interruptive',
    effect: 'Cyclosporine raises digoxin levels (P-gp inhibition, lower renal clearance): digoxin toxicity.',
    management:
      'Reduce the digoxin dose (often by half), check a digoxin level within a week and monitor renal function.',
    reference: REF.pddiCds,
    context: 'digoxin-cyclosporine',
    actions: [DIGOXIN_LEVEL, { kind: 'adjust-dose', label: 'Halve the digoxin dose' }],
  },
];
