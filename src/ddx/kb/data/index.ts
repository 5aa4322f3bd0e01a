import type { ConditionDefInput, FindingDefInput } from '../schema.js';

/**
 * Every data file of the knowledge base. Each file exports `findings` and/or `conditions`; add one import and one
 * entry per file (data files are plain objects checked by `../schema.ts`).
 */
// data imports (part A)
// data imports (part B)

export const FINDING_FILES: FindingDefInput[][] = [
  // findings (part A)
  // findings (part B)
];

export const CONDITION_FILES: ConditionDefInput[][] = [
  // conditions (part A)
  // conditions (part B)
];
