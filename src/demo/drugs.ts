import { MAINTENANCE_DRUGS } from './drugs-maintenance.js';
import { OTHER_DRUGS } from './drugs-other.js';

export { ROUTES, type DrugDef, type Route } from './drug-def.js';

/** Every drug by key. */
export const DRUGS = { ...MAINTENANCE_DRUGS, ...OTHER_DRUGS } as const;

/** Key of a drug in DRUGS. */
export type DrugKey = keyof typeof DRUGS;
