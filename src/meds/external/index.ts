import { statSync } from 'node:fs';
import { AppError } from '../../core/errors.js';
import type { KnowledgeSource } from '../kb.js';
import { loadAnsmThesaurus, type AnsmOptions } from './ansm.js';
import { loadInteractionCsv } from './csv.js';

export { ansmTier, loadAnsmThesaurus, type AnsmOptions } from './ansm.js';
export { loadInteractionCsv, parseCsv, parseInteractionCsv } from './csv.js';

/** Loads an external interaction knowledge base: a folder in the ANSM thesaurus format, or a generic CSV file. */
export function loadExternalKnowledge(path: string, options: AnsmOptions = {}): KnowledgeSource {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new AppError('VITALIS_CONFIG', `Interaction knowledge path not found: ${path}`, { cause: err });
  }
  return isDir ? loadAnsmThesaurus(path, options) : loadInteractionCsv(path);
}
