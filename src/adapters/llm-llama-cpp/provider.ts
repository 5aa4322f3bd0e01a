import { availableParallelism } from 'node:os';
import {
  getLlama,
  LlamaChatSession,
  LlamaLogLevel,
  type ChatHistoryItem,
  type Llama,
  type LlamaContext,
  type LlamaEmbeddingContext,
  type LlamaGrammar,
  type LlamaModel,
} from 'node-llama-cpp';
import { grammarSafeSchema } from '../../llm/json-schema.js';
import { LlmError } from '../../llm/errors.js';
import type { ChatMessage, GenerateRequest, GenerateResult, RawProvider } from '../../llm/types.js';

let llamaPromise: Promise<Llama> | null = null;

/** The process-wide llama.cpp runtime, CPU only (GPU builds are not installed). */
export function cpuLlama(): Promise<Llama> {
  llamaPromise ??= getLlama({ gpu: false, logLevel: LlamaLogLevel.error });
  return llamaPromise;
}

/** Options of an in-process GGUF model. */
export interface LlamaCppOptions {
  modelPath: string;
  /** Context window per sequence; capped by the model's training context. */
  contextSize?: number;
  /** Parallel sequences (= concurrent generations). */
  sequences?: number;
  threads?: number;
}

function history(messages: readonly ChatMessage[]): { items: ChatHistoryItem[]; prompt: string } {
  const last = messages.at(-1);
  if (last?.role !== 'user') throw new LlmError('client_error', 'The last message must come from the user');
  const items = messages.slice(0, -1).map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
  return { items, prompt: last.content };
}

/** An in-process GGUF model served by node-llama-cpp: chat with streaming, JSON-schema grammars, embeddings. */
export class LlamaCppProvider implements RawProvider {
  readonly capabilities = { structured: 'grammar', embeddings: true } as const;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  private embedding: Promise<LlamaEmbeddingContext> | null = null;

  private constructor(
    private readonly llama: Llama,
    readonly model: LlamaModel,
    private readonly context: LlamaContext,
  ) {}

  /** Loads the GGUF file and creates a context with the requested number of sequences. */
  static async load(options: LlamaCppOptions): Promise<LlamaCppProvider> {
    const llama = await cpuLlama();
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: options.modelPath });
    } catch (err) {
      throw new LlmError(
        'load_failed',
        'The GGUF model could not be loaded; check the file path and that it is a GGUF file',
        {
          cause: err,
        },
      );
    }
    const contextSize = Math.min(options.contextSize ?? 4096, model.trainContextSize);
    const context = await model.createContext({
      contextSize,
      sequences: options.sequences ?? 1,
      // One core is left to the rest of the process (and llama.cpp's threads spin badly on a busy machine).
      threads: options.threads ?? Math.max(1, availableParallelism() - 1),
    });
    return new LlamaCppProvider(llama, model, context);
  }

  /** Counts tokens with the model's tokenizer. */
  countTokens(text: string): number {
    return this.model.tokenize(text).length;
  }

  private grammar(schema: Record<string, unknown>): Promise<LlamaGrammar> {
    const safe = grammarSafeSchema(schema);
    const key = JSON.stringify(safe);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = this.llama.createGrammarForJsonSchema(safe as never) as Promise<LlamaGrammar>;
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  async call(
    request: GenerateRequest,
    signal: AbortSignal,
  ): Promise<Omit<GenerateResult, 'modelId' | 'latencyMs' | 'attempts'>> {
    const { items, prompt } = history(request.messages);
    const grammar = request.jsonSchema ? await this.grammar(request.jsonSchema.schema) : undefined;
    signal.throwIfAborted();
    const sequence = this.context.getSequence();
    const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
    let completionTokens = 0;
    const meterBefore = sequence.tokenMeter.getState();
    try {
      session.setChatHistory(items);
      const onText = request.onText;
      const result = await session.promptWithMeta(prompt, {
        signal,
        maxTokens: request.maxTokens ?? 512,
        temperature: request.temperature ?? 0,
        ...(grammar ? { grammar } : {}),
        onToken: (tokens) => {
          completionTokens += tokens.length;
        },
        ...(onText
          ? {
              onTextChunk: (chunk: string) => {
                if (chunk !== '') onText(chunk);
              },
            }
          : {}),
      });
      // Input tokens as llama.cpp evaluated them (chat template included).
      const promptTokens = sequence.tokenMeter.diff(meterBefore).usedInputTokens;
      return {
        text: result.responseText,
        finishReason: result.stopReason === 'maxTokens' ? 'length' : result.stopReason === 'abort' ? 'aborted' : 'stop',
        usage: { promptTokens, completionTokens, costUsd: 0 },
      };
    } finally {
      session.dispose({ disposeSequence: false });
      await sequence.dispose();
    }
  }

  async embed(texts: readonly string[], signal: AbortSignal): Promise<number[][]> {
    this.embedding ??= this.model.createEmbeddingContext();
    const ctx = await this.embedding;
    const out: number[][] = [];
    for (const text of texts) {
      signal.throwIfAborted();
      const e = await ctx.getEmbeddingFor(text);
      out.push([...e.vector]);
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.embedding) await (await this.embedding).dispose();
    await this.context.dispose();
    await this.model.dispose();
  }
}
