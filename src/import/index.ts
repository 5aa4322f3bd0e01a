export { importPaths } from './import-paths.js';
export { createProgressBar, type ProgressBarOptions, type ProgressStream } from './progress-bar.js';
export { formatSummary } from './format-summary.js';
export type { ImportOptions, ImportProgress, ImportRejection, ImportSummary } from './types.js';
