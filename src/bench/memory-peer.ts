import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/** Turns a transaction Bundle with urn:uuid fullUrls (or PUT Type/id entries) into resources with plain references. */
export function flattenBundle(bundle: Bundle): Resource[] {
  const idMap = new Map<string, string>();
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (!r) continue;
    const id = r.id ?? entry.fullUrl?.replace(/^urn:uuid:/, '');
    if (entry.fullUrl?.startsWith('urn:uuid:') && id) {
      idMap.set(entry.fullUrl, `${r.resourceType}/${id}`);
    }
  }
  let json = JSON.stringify(
    (bundle.entry ?? []).map((e) => ({ ...e.resource, id: e.resource?.id ?? e.fullUrl?.replace(/^urn:uuid:/, '') })),
  );
  if (idMap.size > 0) {
    json = json.replace(/"urn:uuid:[0-9a-fA-F-]+"/g, (m) => {
      const target = idMap.get(m.slice(1, -1));
      return target ? `"${target}"` : m;
    });
  }
  return JSON.parse(json) as Resource[];
}

/** Loads resources into medplum's MemoryRepository, the in-memory peer (update = create-or-replace, as Synthea repeats shared resources). */
export async function loadIntoMemory(repo: MemoryRepository, resources: Iterable<Resource>): Promise<number> {
  let n = 0;
  for (const r of resources) {
    await repo.updateResource(r);
    n++;
  }
  return n;
}

/** Reads every Synthea bundle in a folder and flattens it. */
export async function* syntheaResources(dir: string): AsyncGenerator<Resource[]> {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    yield flattenBundle(JSON.parse(await readFile(join(dir, file), 'utf8')) as Bundle);
  }
}
