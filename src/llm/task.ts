import type { z } from 'zod';
import type { Architecture } from './registry.js';
import type { LlmFailureKind } from './errors.js';
import type { Usage } from './types.js';

/** The task ids of the LLM layer. */
export const TASK_IDS = ['summary', 'ddx-explanation', 'patient-letter', 'extraction', 'qa'] as const;
export type TaskId = (typeof TASK_IDS)[number];

/** A task's declaration: schemas, the architectures that can serve it, whether its input identifies a patient, its fallback. */
export interface TaskDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  id: TaskId;
  description: string;
  input: I;
  /** What the model must write (validated with zod after decoding). */
  output: O;
  /** Extraction may use an encoder or a decoder; generation needs a decoder. */
  architectures: readonly Architecture[];
  /** True when the input carries patient data (then external models need de-identification). */
  identifiable: boolean;
  /** The labelled deterministic alternative used when no model is configured. */
  fallback: string;
  maxTokens: number;
}

/** How to configure a model, shown with every `no_model_configured` result. */
export const HOW_TO_CONFIGURE =
  'Set VITALIS_MODEL_GGUF=/path/model.gguf (in-process, on-prem), or VITALIS_LLM_URL + VITALIS_LLM_MODEL ' +
  '(+ VITALIS_LLM_BOUNDARY=on-prem for a local vLLM/Ollama/llama.cpp server), or VITALIS_MODELS_FILE=models.json; ' +
  '`vitalis models` shows the routing and `vitalis model pull --recommend` suggests a small model.';

/** The result of a task: a value, or a typed reason there is none. */
export type TaskOutcome<T> =
  | {
      status: 'ok';
      value: T;
      model: string;
      usage: Usage;
      latencyMs: number;
      repaired: boolean;
      deidentified: boolean;
    }
  | { status: 'no_model_configured'; task: TaskId; message: string; howToConfigure: string }
  | { status: 'refused'; task: TaskId; message: string }
  | { status: 'failed'; task: TaskId; error: 'invalid_output' | LlmFailureKind; message: string; issues: string[] };
