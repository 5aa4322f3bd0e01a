import { ACUTE_CONDITIONS } from './conditions-acute.js';
import { CHRONIC_CONDITIONS } from './conditions-chronic.js';

export type { ConditionProfile } from './condition-profile.js';

/** Every condition profile by key. */
export const CONDITIONS = { ...CHRONIC_CONDITIONS, ...ACUTE_CONDITIONS } as const;

/** Key of a condition profile in CONDITIONS. */
export type ConditionKey = keyof typeof CONDITIONS;
