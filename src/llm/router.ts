import { AppError } from '../core/errors.js';
import type { ModelSpec } from './registry.js';
import { HOW_TO_CONFIGURE, type TaskDefinition, type TaskId } from './task.js';
import type { GenerateRequest, GenerateResult, LlmProvider } from './types.js';

/**
 * The de-identification port the router needs before sending patient text to an external model. The engine of the
 * de-identification issue implements it; `mapping` is opaque to the LLM layer.
 */
export interface Deidentifier {
  deidentify(
    texts: readonly string[],
    options?: { patientId?: string },
  ): Promise<{ texts: string[]; mapping: unknown }>;
  reidentify(text: string, mapping: unknown): Promise<string>;
}

/** Where a task goes: a provider (possibly wrapped in de-identification), or why nothing can serve it. */
export type RouteDecision =
  | { kind: 'model'; spec: ModelSpec; provider: LlmProvider; deidentified: boolean }
  | { kind: 'no_model_configured'; task: TaskId; message: string; howToConfigure: string }
  | { kind: 'refused'; task: TaskId; message: string };

/** One row of the routing table `vitalis models` prints. */
export interface RouteRow {
  task: TaskId;
  model: string | null;
  boundary: 'on-prem' | 'external' | null;
  via: 'direct' | 'de-identified' | null;
  note: string;
}

export interface RouterOptions {
  models: readonly ModelSpec[];
  /** Creates (or returns the cached) provider of a model. */
  providerFor: (spec: ModelSpec) => LlmProvider;
  deidentifier?: Deidentifier | undefined;
}

function serves(spec: ModelSpec, task: TaskDefinition): boolean {
  return (spec.tasks.includes('*') || spec.tasks.includes(task.id)) && task.architectures.includes(spec.architecture);
}

/** Wraps a provider so every message is de-identified before the call and the output re-identified after it. */
export function deidentifyingProvider(
  provider: LlmProvider,
  deid: Deidentifier,
  options: { patientId?: string } = {},
): LlmProvider {
  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const { texts, mapping } = await deid.deidentify(
      request.messages.map((m) => m.content),
      options,
    );
    const messages = request.messages.map((m, i) => ({ role: m.role, content: texts[i] ?? '' }));
    // Streamed chunks could split a surrogate; the re-identified text is delivered whole at the end.
    const { onText, ...rest } = request;
    const result = await provider.generate({ ...rest, messages });
    const text = await deid.reidentify(result.text, mapping);
    onText?.(text);
    return { ...result, text };
  };
  return {
    ...provider,
    modelId: provider.modelId,
    capabilities: provider.capabilities,
    generate,
    embed: () =>
      Promise.reject(new AppError('VITALIS_FORBIDDEN', 'Embeddings of patient text are not sent to external models')),
  };
}

/** Chooses a model for each task: on-prem first; external only with de-identification for identifiable input. */
export class LlmRouter {
  constructor(private readonly options: RouterOptions) {}

  /** The models declared in the registry. */
  get models(): readonly ModelSpec[] {
    return this.options.models;
  }

  /** Routes a task (and, for identifiable input, the patient id the de-identifier may use). */
  route(task: TaskDefinition, options: { patientId?: string; model?: string } = {}): RouteDecision {
    const eligible = this.options.models.filter(
      (m) => serves(m, task) && (options.model === undefined || m.id === options.model),
    );
    if (eligible.length === 0) {
      const which = options.model ? `Model "${options.model}" is not configured for` : 'No model is configured for';
      return {
        kind: 'no_model_configured',
        task: task.id,
        message: `${which} the ${task.id} task (needs ${task.architectures.join(' or ')}); using the fallback: ${task.fallback}.`,
        howToConfigure: HOW_TO_CONFIGURE,
      };
    }
    const onPrem = eligible.find((m) => m.dataBoundary === 'on-prem');
    if (onPrem) return { kind: 'model', spec: onPrem, provider: this.options.providerFor(onPrem), deidentified: false };
    const external = eligible[0];
    if (external === undefined) throw new AppError('VITALIS_INTERNAL', 'unreachable: no eligible model');
    if (!task.identifiable) {
      return { kind: 'model', spec: external, provider: this.options.providerFor(external), deidentified: false };
    }
    const deid = this.options.deidentifier;
    if (!deid) {
      return {
        kind: 'refused',
        task: task.id,
        message:
          `The ${task.id} task reads identifiable patient data and the only model for it (${external.id}) is external; ` +
          'no de-identification engine is configured, so nothing is sent. Configure an on-prem model.',
      };
    }
    const provider = deidentifyingProvider(
      this.options.providerFor(external),
      deid,
      options.patientId === undefined ? {} : { patientId: options.patientId },
    );
    return { kind: 'model', spec: external, provider, deidentified: true };
  }

  /** The routing table: which model serves each task, and how. */
  table(tasks: readonly TaskDefinition[]): RouteRow[] {
    return tasks.map((task) => {
      const eligible = this.options.models.filter((m) => serves(m, task));
      const onPrem = eligible.find((m) => m.dataBoundary === 'on-prem');
      const external = eligible.find((m) => m.dataBoundary === 'external');
      if (onPrem) return { task: task.id, model: onPrem.id, boundary: 'on-prem', via: 'direct', note: '' };
      if (!external) {
        return { task: task.id, model: null, boundary: null, via: null, note: `no model; fallback: ${task.fallback}` };
      }
      if (!task.identifiable)
        return { task: task.id, model: external.id, boundary: 'external', via: 'direct', note: '' };
      if (this.options.deidentifier) {
        return { task: task.id, model: external.id, boundary: 'external', via: 'de-identified', note: '' };
      }
      return {
        task: task.id,
        model: null,
        boundary: null,
        via: null,
        note: `refused: ${external.id} is external and no de-identification engine is configured`,
      };
    });
  }
}
