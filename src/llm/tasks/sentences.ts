import { z } from 'zod';

/** A generated sentence and the fact ids it rests on (the shape the model writes for grounded narratives). */
export const CitedSentenceSchema = z
  .object({
    text: z.string().min(1).max(400),
    citations: z.array(z.string().min(1).max(120)).max(8),
  })
  .strict();

/** A grounded narrative: sentences with citations. */
export const GroundedTextSchema = z.object({ sentences: z.array(CitedSentenceSchema).min(1).max(14) }).strict();

export type GroundedText = z.infer<typeof GroundedTextSchema>;

/** The shared instructions of grounded narratives. */
export const GROUNDING_RULES = [
  'Use only the facts listed below; never add information that is not in them.',
  'Every sentence must list, in "citations", the ids (the text in square brackets) of the facts it rests on.',
  'Copy numbers, units, dates, sides (left/right) and drug names exactly as they appear in the cited facts.',
  'Answer with a JSON object {"sentences":[{"text":"...","citations":["..."]}]} and nothing else.',
].join('\n');
