import type { ImportRejection } from './types.js';

/** Rejections kept in the summary; further ones are only counted. */
export const MAX_REJECTIONS = 10_000;

/** What a response entry says happened to one resource. */
export type EntryResult = 'created' | 'updated' | 'unchanged' | 'rejected';

/** The running counts of an import. */
export class ImportTally {
  resourcesRead = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  rejected = 0;
  failedFiles = 0;
  rejectionsOmitted = 0;
  readonly rejections: ImportRejection[] = [];

  /** Counts one resource's result. */
  count(result: Exclude<EntryResult, 'rejected'>): void {
    this.resourcesRead++;
    this[result]++;
  }

  /** Records a rejection covering `resources` resources (0 for a file that could not be read at all). */
  reject(rejection: ImportRejection, resources: number, fileFailed = false): void {
    this.resourcesRead += resources;
    this.rejected += resources;
    if (fileFailed) {
      this.failedFiles++;
    }
    if (this.rejections.length < MAX_REJECTIONS) {
      this.rejections.push(rejection);
    } else {
      this.rejectionsOmitted++;
    }
  }
}
