export { runDeidBench, formatDeidBench, defaultSharedDataDir, type DeidBenchReport, type CorpusReport } from './run.js';
export { generateNoteCorpus } from './note-corpus.js';
export { Scorer, coarse, type BenchDoc, type GoldSpan, type BenchCategory } from './metrics.js';
export { loadAsqPhi, loadPresidio } from './corpora.js';
