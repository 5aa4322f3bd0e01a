import { z } from 'zod';
import type { PatientContext } from '../../patient/index.js';
import { contextGroundingIndex, summaryFacts, type SummaryFacts } from '../grounding/context-facts.js';
import { verifyGrounding, type GroundingReport } from '../grounding/verify.js';
import { LlmError } from '../errors.js';
import type { LlmRouter } from '../router.js';
import { generateStructured, totalUsage } from '../structured.js';
import type { TaskCallOptions } from '../task-runner.js';
import type { TaskDefinition, TaskOutcome } from '../task.js';
import type { ChatMessage, Usage } from '../types.js';
import { readability, type LetterLanguage, type Readability } from './readability.js';

/** The letter a model writes: a title and short paragraphs. */
export const LetterSchema = z
  .object({ title: z.string().min(1).max(120), paragraphs: z.array(z.string().min(1).max(700)).min(1).max(8) })
  .strict();
export type Letter = z.infer<typeof LetterSchema>;

export const LetterOptionsSchema = z
  .object({
    language: z.enum(['en', 'fr', 'es', 'de']).default('en'),
    /** Target US school grade (6 to 8 is the usual advice for patient material). */
    readingGrade: z.coerce.number().int().min(3).max(12).default(6),
  })
  .strict();
export type LetterOptions = z.infer<typeof LetterOptionsSchema>;

/** The label of the deterministic letter. */
export const LETTER_TEMPLATE_LABEL = 'deterministic-template (no language model)';

/** Patient letter: a plain-language explanation at a chosen reading level and in a chosen language. */
export const PATIENT_LETTER_TASK: TaskDefinition<z.ZodType<PatientContext>, typeof LetterSchema> = {
  id: 'patient-letter',
  description: 'plain-language letter to the patient at a chosen reading level and language',
  input: z.custom<PatientContext>((v) => typeof v === 'object' && v !== null && 'patient' in v),
  output: LetterSchema,
  architectures: ['decoder', 'encoder-decoder'],
  identifiable: true,
  fallback: LETTER_TEMPLATE_LABEL,
  maxTokens: 900,
};

const LANGUAGE_NAMES: Record<LetterLanguage, string> = { en: 'English', fr: 'French', es: 'Spanish', de: 'German' };

const TEMPLATE: Record<
  LetterLanguage,
  {
    title: string;
    intro: string;
    problems: string;
    meds: string;
    allergies: string;
    noAllergies: string;
    close: string;
  }
> = {
  en: {
    title: 'Your health record',
    intro: 'This letter lists what your care team has written in your record.',
    problems: 'Your health problems are',
    meds: 'Your medicines are',
    allergies: 'You are allergic to',
    noAllergies: 'You have no known allergies.',
    close: 'Please bring this letter to your next visit. Ask your care team about anything that is not clear.',
  },
  fr: {
    title: 'Votre dossier de santé',
    intro: 'Cette lettre reprend ce que votre équipe de soins a noté dans votre dossier.',
    problems: 'Vos problèmes de santé sont',
    meds: 'Vos médicaments sont',
    allergies: 'Vous êtes allergique à',
    noAllergies: 'Aucune allergie n’est connue.',
    close: 'Apportez cette lettre à votre prochain rendez-vous. Posez vos questions à votre équipe de soins.',
  },
  es: {
    title: 'Su historia clínica',
    intro: 'Esta carta resume lo que su equipo de salud anotó en su historia.',
    problems: 'Sus problemas de salud son',
    meds: 'Sus medicamentos son',
    allergies: 'Usted es alérgico a',
    noAllergies: 'No tiene alergias conocidas.',
    close: 'Traiga esta carta a su próxima cita. Pregunte a su equipo de salud lo que no entienda.',
  },
  de: {
    title: 'Ihre Krankenakte',
    intro: 'Dieser Brief fasst zusammen, was Ihr Behandlungsteam in Ihrer Akte notiert hat.',
    problems: 'Ihre Erkrankungen sind',
    meds: 'Ihre Medikamente sind',
    allergies: 'Sie sind allergisch gegen',
    noAllergies: 'Es sind keine Allergien bekannt.',
    close: 'Bringen Sie diesen Brief zum nächsten Termin mit. Fragen Sie Ihr Behandlungsteam, wenn etwas unklar ist.',
  },
};

/** A letter built without a model from the record's labels (the labels stay as recorded). */
export function templateLetter(facts: SummaryFacts, language: LetterLanguage): Letter {
  const t = TEMPLATE[language];
  const list = (xs: { label: string }[]): string => xs.map((x) => x.label).join(', ');
  const paragraphs = [t.intro];
  if (facts.activeProblems.length > 0) paragraphs.push(`${t.problems}: ${list(facts.activeProblems)}.`);
  if (facts.medications.length > 0) paragraphs.push(`${t.meds}: ${list(facts.medications)}.`);
  const allergies = facts.allergies.filter((a) => !/^no known/i.test(a.label));
  if (allergies.length > 0) paragraphs.push(`${t.allergies}: ${list(allergies)}.`);
  else if (facts.allergies.length > 0) paragraphs.push(t.noAllergies);
  paragraphs.push(t.close);
  return { title: t.title, paragraphs };
}

/** What the API returns for a letter. */
export interface LetterResult {
  status: TaskOutcome<Letter>['status'];
  letter: Letter | null;
  language: LetterLanguage;
  targetGrade: number;
  readability: Readability | null;
  /** True when the measured grade is at most one above the target. */
  withinTarget: boolean;
  /** Numbers, dates and drug names of the letter checked against the record. */
  verification: GroundingReport | null;
  model: string | null;
  usage: Usage | null;
  message: string | null;
  fallback: { label: string; letter: Letter; readability: Readability } | null;
}

function prompt(facts: SummaryFacts, options: LetterOptions): ChatMessage[] {
  const lines = [...facts.activeProblems, ...facts.medications, ...facts.allergies, ...facts.labs.slice(0, 6)].map(
    (f) => `- ${f.line.replace(/^\[[^\]]*\] /, '')}`,
  );
  return [
    {
      role: 'system',
      content:
        `You write letters to patients in ${LANGUAGE_NAMES[options.language]} that a reader at US school grade ` +
        `${options.readingGrade} understands: short sentences, everyday words, medical terms explained. ` +
        'Explain only the facts listed; give no new diagnosis, dose or advice beyond them, and invite questions to the care team. ' +
        'Do not use the patient name. Answer with JSON {"title": "...", "paragraphs": ["..."]}.',
    },
    { role: 'user', content: `Facts from the record:\n${lines.join('\n')}` },
  ];
}

function checkLetter(letter: Letter, options: LetterOptions): { readability: Readability; within: boolean } {
  const r = readability(letter.paragraphs.join('\n'), options.language);
  return { readability: r, within: r.grade <= options.readingGrade + 1 };
}

/** Writes a patient letter; re-asks once when it reads above the target grade; checks its facts against the record. */
export async function writePatientLetter(
  router: LlmRouter,
  ctx: PatientContext,
  input: { options: LetterOptions; call?: TaskCallOptions },
): Promise<LetterResult> {
  const { options } = input;
  const call = input.call ?? {};
  const facts = summaryFacts(ctx);
  const fallbackLetter = (): LetterResult['fallback'] => {
    const letter = templateLetter(facts, options.language);
    return { label: LETTER_TEMPLATE_LABEL, letter, readability: checkLetter(letter, options).readability };
  };
  const base = { language: options.language, targetGrade: options.readingGrade };
  const decision = router.route(PATIENT_LETTER_TASK, {
    patientId: ctx.patient.id,
    ...(call.model === undefined ? {} : { model: call.model }),
  });
  if (decision.kind !== 'model') {
    return {
      ...base,
      status: decision.kind,
      letter: null,
      readability: null,
      withinTarget: false,
      verification: null,
      model: null,
      usage: null,
      message: decision.message,
      fallback: fallbackLetter(),
    };
  }
  const request = {
    name: 'patient_letter',
    schema: LetterSchema,
    maxTokens: Math.min(PATIENT_LETTER_TASK.maxTokens, decision.spec.maxOutputTokens),
    temperature: call.temperature ?? 0.3,
    ...(call.signal === undefined ? {} : { signal: call.signal }),
  };
  try {
    let messages = prompt(facts, options);
    let outcome = await generateStructured(decision.provider, { ...request, messages });
    const calls = [...outcome.calls];
    if (outcome.ok) {
      const first = checkLetter(outcome.value, options);
      if (!first.within) {
        messages = [
          ...messages,
          { role: 'assistant', content: JSON.stringify(outcome.value) },
          {
            role: 'user',
            content: `That reads at grade ${first.readability.grade}; rewrite it for grade ${options.readingGrade} with shorter sentences and simpler words.`,
          },
        ];
        const second = await generateStructured(decision.provider, { ...request, messages });
        calls.push(...second.calls);
        if (second.ok) outcome = second;
      }
    }
    if (!outcome.ok) {
      return {
        ...base,
        status: 'failed',
        letter: null,
        readability: null,
        withinTarget: false,
        verification: null,
        model: decision.spec.id,
        usage: totalUsage(calls),
        message: `Model ${decision.spec.id} did not produce a valid letter`,
        fallback: fallbackLetter(),
      };
    }
    const { readability: measured, within } = checkLetter(outcome.value, options);
    const index = contextGroundingIndex(ctx, facts);
    const ids = [...facts.activeProblems, ...facts.medications, ...facts.allergies, ...facts.labs].map((f) => f.id);
    const verification = verifyGrounding(
      outcome.value.paragraphs.map((p) => ({ text: p, citations: ids })),
      index,
    );
    return {
      ...base,
      status: 'ok',
      letter: outcome.value,
      readability: measured,
      withinTarget: within,
      verification,
      model: decision.spec.id,
      usage: totalUsage(calls),
      message: within ? null : `The letter reads at grade ${measured.grade}, above the target ${options.readingGrade}.`,
      fallback: null,
    };
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return {
      ...base,
      status: 'failed',
      letter: null,
      readability: null,
      withinTarget: false,
      verification: null,
      model: decision.spec.id,
      usage: null,
      message: err.message,
      fallback: fallbackLetter(),
    };
  }
}
