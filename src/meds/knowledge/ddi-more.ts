// More common interactions (second file of ./ddi-common.ts), in our own words, each with a reference.
import { NSAID, RAAS } from './ddi-shared.js';
import type { DdiRule } from './schema.js';

/** Further common interactions. */
export const MORE_COMMON_RULES: readonly DdiRule[] = [
  {
    id: 'vx-theophylline-cyp1a2',
    origin: 'vitalis',
    a: { label: 'theophylline', ingredients: ['10438'] },
    b: { label: 'CYP1A2 inhibitor', classes: ['cyp1a2-inhibitor'] },
    tier: 'interruptive',
    effect: 'Theophylline levels rise (fluvoxamine several-fold, ciprofloxacin about 30 %): seizures and arrhythmias.',
    management: 'Avoid fluvoxamine; with other inhibitors reduce the theophylline dose and check a level.',
    reference: 'Theophylline US prescribing information, section 7 Drug Interactions (CYP1A2 inhibitors)',
    actions: [{ kind: 'adjust-dose', label: 'Reduce the theophylline dose and check a level' }],
  },
  {
    id: 'vx-aliskiren-raas',
    origin: 'vitalis',
    a: { label: 'aliskiren', ingredients: ['325646'] },
    b: { ...RAAS, exclude: ['325646'] },
    tier: 'interruptive',
    effect:
      'Dual renin-angiotensin blockade with aliskiren: hyperkalaemia, hypotension and kidney injury without benefit.',
    management: 'Contraindicated in diabetes; avoid when eGFR < 60.',
    reference:
      'Parving HH, Brenner BM, McMurray JJV, et al. Cardiorenal end points in a trial of aliskiren for type 2 diabetes (ALTITUDE). N Engl J Med 2012;367:2204-2213; aliskiren US prescribing information',
    context: 'hyperkalemia',
  },
  {
    id: 'vx-methotrexate-nsaid',
    origin: 'vitalis',
    a: { label: 'methotrexate', ingredients: ['6851'] },
    b: NSAID,
    tier: 'informational',
    effect:
      'NSAIDs reduce methotrexate clearance: toxicity, mainly with high-dose methotrexate or poor kidney function.',
    management: 'Usually acceptable with low-dose weekly methotrexate; monitor blood counts and creatinine.',
    reference: 'Methotrexate US prescribing information: NSAIDs increase toxicity',
    systemicOnly: true,
  },
];
