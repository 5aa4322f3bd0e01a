import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ImportRejection } from './types.js';

/** A file to import. `size` is its size on disk (compressed size for .gz), used for the ETA. */
export interface ImportFile {
  path: string;
  format: 'json' | 'ndjson';
  gzip: boolean;
  size: number;
}

/** The format a file name implies, or undefined when it is not an importable file. */
export function formatOf(name: string): Pick<ImportFile, 'format' | 'gzip'> | undefined {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) {
    return { format: 'ndjson', gzip };
  }
  if (base.endsWith('.json')) {
    return { format: 'json', gzip };
  }
  return undefined;
}

function problem(file: string, reason: string): ImportRejection {
  return { file, location: 'file', reason };
}

/**
 * Expands the given files and folders (recursively, in name order, skipping dot-files) into importable files.
 * Paths that are missing or not importable are returned as problems rather than thrown.
 */
export async function discoverFiles(
  paths: readonly string[],
): Promise<{ files: ImportFile[]; problems: ImportRejection[] }> {
  const files: ImportFile[] = [];
  const problems: ImportRejection[] = [];
  const seen = new Set<string>();
  const add = (path: string, size: number): boolean => {
    const fmt = formatOf(path);
    if (!fmt) {
      return false;
    }
    if (!seen.has(path)) {
      seen.add(path);
      files.push({ path, size, ...fmt });
    }
    return true;
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) {
        continue;
      }
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        await walk(full);
      } else if (e.isFile() && formatOf(e.name)) {
        add(full, (await stat(full)).size);
      }
    }
  };
  for (const path of paths) {
    try {
      const s = await stat(path);
      if (s.isDirectory()) {
        await walk(path);
      } else if (!add(path, s.size)) {
        problems.push(
          problem(
            path,
            `Unsupported file type '${basename(path)}': expected .json, .ndjson or .jsonl (optionally .gz)`,
          ),
        );
      }
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      problems.push(problem(path, code === 'ENOENT' ? 'File or folder not found' : `Cannot read: ${String(code)}`));
    }
  }
  return { files, problems };
}
