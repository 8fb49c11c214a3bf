// The two shared corpora, read from ../shared relative to the repo root.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CorpusQuery {
  readonly id: string;
  readonly kql: string;
}

const REPO = resolve(import.meta.dirname, '../../..');
export const CORPUS_FILES = [
  resolve(REPO, '../shared/corpus/hunting-queries/m365d.jsonl'),
  resolve(REPO, '../shared/corpus/kql-docs/examples.jsonl'),
] as const;

export function loadCorpus(file: string): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const v: unknown = JSON.parse(line);
    if (
      typeof v === 'object' &&
      v !== null &&
      'id' in v &&
      'kql' in v &&
      typeof v.id === 'string' &&
      typeof v.kql === 'string'
    ) {
      out.push({ id: v.id, kql: v.kql });
    }
  }
  return out;
}

export function loadAllCorpora(): CorpusQuery[] {
  return CORPUS_FILES.flatMap(loadCorpus);
}
