import type { BundleEntry, Bundle } from '@medplum/fhirtypes';

/** One resource (or file) the import could not store, with where it came from and why. */
export interface ImportRejection {
  file: string;
  /** `line 12` (NDJSON), `entry[3]` (Bundle), `transaction` (a whole transaction Bundle) or `file`. */
  location: string;
  resourceType?: string;
  id?: string;
  /** The OperationOutcome diagnostics, with FHIRPath expressions in brackets; never resource content. */
  reason: string;
}

/** A snapshot of a running import, passed to `onProgress`; every count only grows. */
export interface ImportProgress {
  filesTotal: number;
  filesDone: number;
  /** The file being read, when there is one. */
  file?: string;
  bytesTotal: number;
  bytesRead: number;
  resourcesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  elapsedSeconds: number;
}

/** What an import did. `resourcesRead` = created + updated + unchanged + rejected. */
export interface ImportSummary {
  files: number;
  /** Files (or paths) that could not be read or parsed at all. */
  failedFiles: number;
  resourcesRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
  resourcesPerSecond: number;
  rejections: ImportRejection[];
  /** Rejections past the kept maximum (10,000) are counted here instead of listed. */
  rejectionsOmitted: number;
  /** True when the run stopped early because the signal was aborted. */
  aborted: boolean;
}

/** Options of `importPaths`. */
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Resources per batch Bundle for NDJSON, collection and batch input (default 500). */
  batchSize?: number;
  /**
   * Validate the next unit in a worker thread while the current one is written, when the repository supports it
   * (default: on for inputs of 4 MB or more). Every write is still validated; this only moves the work.
   */
  validateAhead?: boolean;
}

/** One resource entry of a batch unit, remembering where it came from. */
export interface BatchItem {
  entry: BundleEntry;
  location: string;
  resourceType: string;
  id: string | undefined;
}

/** A unit of work handed from the readers to the writer; units are written one at a time in file order. */
export type ImportUnit =
  | { kind: 'transaction'; file: string; bundle: Bundle; resources: number }
  | { kind: 'batch'; file: string; items: BatchItem[] }
  | { kind: 'rejection'; rejection: ImportRejection; resources: number; fileFailed: boolean };
