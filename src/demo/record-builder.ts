import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

/** A literal reference (`Type/id`), assignable to any typed Reference. */
export interface Ref {
  reference: string;
}
import type { Rng } from './prng.js';

/** Who the patient is, as written in notes and in the Patient resource. */
export interface Demographics {
  readonly given: string;
  readonly family: string;
  readonly sex: 'male' | 'female';
  readonly birthMs: number;
  readonly mrn: string;
  readonly phone: string;
  readonly email?: string;
  readonly line: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly relative?: { readonly relation: string; readonly name: string; readonly phone: string };
}

/** A clinician as referenced from resources and signed in notes. */
export interface Clinician {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly credential: string;
  readonly specialty: string;
}

/** A facility as referenced from resources and named in notes. */
export interface Facility {
  readonly id: string;
  readonly name: string;
  readonly alias: string;
  readonly phone: string;
}

/** Facts the note writer needs about the chart so far. */
export interface ChartFacts {
  readonly problems: TimedFact[];
  readonly meds: TimedFact[];
  readonly allergies: string[];
}

/** A chart entry with the time it ends (resolved, stopped), if it does. */
export interface TimedFact {
  readonly text: string;
  readonly until?: number;
}

/** Collects the resources of one patient into a transaction Bundle with deterministic ids. */
export class RecordBuilder {
  private readonly entries: BundleEntry[] = [];
  private readonly counters = new Map<string, number>();
  private readonly shared = new Set<string>();
  readonly chart: ChartFacts = { problems: [], meds: [], allergies: [] };

  constructor(
    readonly patientId: string,
    readonly rng: Rng,
    readonly context: { readonly anchor: number; readonly demo: Demographics; readonly facility: Facility },
  ) {}

  get demo(): Demographics {
    return this.context.demo;
  }

  get facility(): Facility {
    return this.context.facility;
  }

  get anchor(): number {
    return this.context.anchor;
  }

  /** Reference to the patient. */
  get patient(): Ref {
    return { reference: `Patient/${this.patientId}` };
  }

  /** The next deterministic id for a kind of resource, e.g. `demo-42-0007-obs-12`. */
  nextId(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.patientId}-${kind}-${n}`;
  }

  /** Adds a resource as a `PUT Type/id` entry and returns a reference to it. */
  add(resource: Resource & { id: string }): Ref {
    const url = `${resource.resourceType}/${resource.id}`;
    this.entries.push({ resource, request: { method: 'PUT', url } });
    return { reference: url };
  }

  /** Adds a shared resource (organization, practitioner) once per bundle. */
  addShared(resource: Resource & { id: string }): Ref {
    const url = `${resource.resourceType}/${resource.id}`;
    if (!this.shared.has(url)) {
      this.shared.add(url);
      this.add(resource);
    }
    return { reference: url };
  }

  /** Number of resources so far. */
  get size(): number {
    return this.entries.length;
  }

  /** The transaction Bundle. */
  toBundle(): Bundle {
    return { resourceType: 'Bundle', type: 'transaction', entry: this.entries };
  }
}
