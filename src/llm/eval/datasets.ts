import { z } from 'zod';

/** One multiple-choice evaluation item. */
export interface QaItem {
  id: string;
  /** The prompt text: question (and, for PubMedQA, its abstract contexts). */
  question: string;
  options: Record<string, string>;
  answer: string;
}

export const EVAL_TASKS = ['medqa', 'pubmedqa'] as const;
export type EvalTask = (typeof EVAL_TASKS)[number];

/** Published results to read a score against (accuracy, %). */
export const PUBLISHED_ANCHORS: Record<
  EvalTask,
  { name: string; accuracy: number; source: string; approx?: boolean }[]
> = {
  medqa: [
    { name: 'Med-PaLM 2', accuracy: 86.5, source: 'Singhal et al., Nature Medicine 2025 (arXiv:2305.09617)' },
    { name: 'GPT-4 + Medprompt', accuracy: 90.2, source: 'Nori et al., arXiv:2311.16452' },
    { name: 'o1', accuracy: 96, source: 'Nori et al., arXiv:2411.03590', approx: true },
  ],
  pubmedqa: [
    { name: 'single human annotator', accuracy: 78.0, source: 'Jin et al., EMNLP 2019' },
    { name: 'Med-PaLM 2', accuracy: 81.8, source: 'Singhal et al., arXiv:2305.09617' },
    { name: 'GPT-4 + Medprompt', accuracy: 82.0, source: 'Nori et al., arXiv:2311.16452' },
  ],
};

const MedQaRowSchema = z
  .object({ question: z.string(), options: z.record(z.string(), z.string()), answer_idx: z.string() })
  .loose();

/** Parses the MedQA (USMLE, 4 options) JSONL test file; ids are the 1-based line numbers. */
export function parseMedQa(jsonl: string): QaItem[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const row = MedQaRowSchema.parse(JSON.parse(line));
      return { id: `medqa-${i + 1}`, question: row.question, options: row.options, answer: row.answer_idx };
    });
}

const PqaSchema = z.record(
  z.string(),
  z
    .object({ QUESTION: z.string(), CONTEXTS: z.array(z.string()), final_decision: z.enum(['yes', 'no', 'maybe']) })
    .loose(),
);
const TruthSchema = z.record(z.string(), z.enum(['yes', 'no', 'maybe']));

/** Parses PubMedQA PQA-L and keeps the official 500-item test split (reasoning-required: question plus contexts). */
export function parsePubMedQa(pqaJson: string, testTruthJson: string): QaItem[] {
  const pqa = PqaSchema.parse(JSON.parse(pqaJson));
  const truth = TruthSchema.parse(JSON.parse(testTruthJson));
  return Object.entries(truth).flatMap(([pmid, answer]) => {
    const item = pqa[pmid];
    if (!item) return [];
    const question = `${item.CONTEXTS.join('\n')}\n\nQuestion: ${item.QUESTION}`;
    return [{ id: `pubmedqa-${pmid}`, question, options: { yes: 'yes', no: 'no', maybe: 'maybe' }, answer }];
  });
}
