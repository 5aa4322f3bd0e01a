// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroundingReportView, SummaryView } from '../api/summary.js';
import { SummaryPanel } from './summary-panel.js';

afterEach(cleanup);

const sentences = [
  { text: 'Patient: 67-year-old woman.', citations: ['Patient/p1'] },
  { text: 'Latest lactate 4.1 mmol/L.', citations: ['Observation/lac1#2524-7', 'Observation/lac0'] },
];
const report = (statuses: ('supported' | 'unsupported' | 'contradicted')[]): GroundingReportView => ({
  sentences: statuses.map((status, index) => ({
    index,
    text: sentences[index]?.text ?? '',
    citations: sentences[index]?.citations ?? [],
    status,
    claim: true,
    problems:
      status === 'contradicted' ? [{ kind: 'number_mismatch', severity: 'contradicted', detail: '4.1 vs 3.9' }] : [],
  })),
  score: statuses.filter((s) => s === 'supported').length / statuses.length,
  verified: statuses.every((s) => s === 'supported'),
  counts: {
    supported: statuses.filter((s) => s === 'supported').length,
    unsupported: statuses.filter((s) => s === 'unsupported').length,
    contradicted: statuses.filter((s) => s === 'contradicted').length,
    citations: 3,
    invalidCitations: 0,
  },
});

const noModel: SummaryView = {
  patient: 'p1',
  status: 'no_model_configured',
  summary: null,
  verification: null,
  verified: false,
  model: null,
  latencyMs: null,
  deidentified: false,
  message: 'No language model is configured for the summary task.',
  howToConfigure: 'Set VITALIS_MODEL_GGUF to a GGUF file, or VITALIS_LLM_URL to an OpenAI-compatible server.',
  fallback: {
    label: 'deterministic-template (no language model)',
    summary: { sentences },
    verification: report(['supported', 'supported']),
  },
};

describe('SummaryPanel', () => {
  it('says that no model is configured, how to configure one, and labels the deterministic summary', () => {
    const onSource = vi.fn();
    render(<SummaryPanel result={noModel} onSource={onSource} />);
    expect(screen.getByText('No language model is configured.')).toBeTruthy();
    expect(screen.getByText(/VITALIS_MODEL_GGUF/)).toBeTruthy();
    expect(screen.getByText('deterministic-template (no language model)')).toBeTruthy();
    expect(screen.getByText('Latest lactate 4.1 mmol/L.')).toBeTruthy();
    expect(screen.getByText('Verified')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /source 1 of this sentence: Observation\/lac1/ }));
    expect(onSource).toHaveBeenCalledWith('Observation/lac1#2524-7');
  });

  it("shows a model's summary with each sentence's verdict and the report", () => {
    const fromModel: SummaryView = {
      ...noModel,
      status: 'ok',
      summary: { sentences },
      verification: report(['supported', 'contradicted']),
      model: 'qwen-test',
      message: "The model's summary failed verification (groundedness 50 %); it is shown unverified with the report.",
      howToConfigure: null,
      fallback: null,
    };
    render(<SummaryPanel result={fromModel} onSource={vi.fn()} />);
    expect(screen.getByText(/Written by qwen-test/)).toBeTruthy();
    expect(screen.getByText('contradicted')).toBeTruthy();
    expect(screen.getByText(/number mismatch: 4.1 vs 3.9/)).toBeTruthy();
    expect(screen.getByText('Not verified')).toBeTruthy();
    expect(screen.getByText(/failed verification/)).toBeTruthy();
    expect(screen.queryByText('No language model is configured.')).toBeNull();
  });
});
