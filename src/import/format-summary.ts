import type { ImportSummary } from './types.js';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Renders an import summary as a few human-readable lines (with up to 10 rejections; the report file has all). */
export function formatSummary(summary: ImportSummary, maxRejections = 10): string {
  const lines = [
    `${summary.aborted ? 'Import stopped early' : 'Imported'} ${count(summary.resourcesRead)} resources from ` +
      `${count(summary.files)} files in ${summary.seconds.toFixed(1)} s (${count(summary.resourcesPerSecond)} resources/s)`,
    `  created ${count(summary.created)}, updated ${count(summary.updated)}, unchanged ${count(summary.unchanged)}, ` +
      `rejected ${count(summary.rejected)}` +
      (summary.failedFiles > 0 ? `, failed files ${count(summary.failedFiles)}` : ''),
  ];
  const total = summary.rejections.length + summary.rejectionsOmitted;
  if (total > 0) {
    lines.push(`  ${count(total)} problems:`);
    for (const r of summary.rejections.slice(0, maxRejections)) {
      const what = [r.resourceType, r.id].filter((x) => x !== undefined).join('/');
      lines.push(`    ${r.file} ${r.location}${what ? ` ${what}` : ''}: ${r.reason}`);
    }
    if (total > maxRejections) {
      lines.push(`    ... and ${count(total - maxRejections)} more`);
    }
  }
  return lines.join('\n');
}
