/**
 * The audit port. Every read of patient data and every generated output is recorded through it; the implementation in
 * `src/audit/` stores FHIR AuditEvent and Provenance resources in the chart store. Never pass PHI in `detail`.
 */

/** Who acted: a user (fhirUser or `sub`), a client application, or the system itself. */
export interface AuditAgent {
  /** e.g. `Practitioner/123`, `client:my-ehr`, `system:cli`. */
  who: string;
  clientId?: string;
}

export interface AccessRecord {
  agent: AuditAgent;
  /** `Patient/id` the data belongs to, when known. */
  patient?: string;
  /** Further patients whose data the access returned (a search across patients); ids or `Patient/id`. */
  patients?: string[];
  /** What was done: `read`, `search`, `create`, `update`, `delete`, `execute` (CDS call, engine run). */
  action: 'read' | 'search' | 'create' | 'update' | 'delete' | 'execute';
  /** What was accessed: a FHIR path such as `Observation?patient=123`, or `cds-services/vitalis-summary`. */
  what: string;
  /** Purpose of use code (v3 PurposeOfUse, e.g. TREAT). */
  purpose?: string;
  outcome: 'success' | 'failure';
  /** Free-text detail for failures; never PHI. */
  detail?: string;
}

export interface ProvenanceRecord {
  agent: AuditAgent;
  /** Engine that produced the output, e.g. `vitalis-meds` and its version. */
  engine: { id: string; version: string };
  /** References of the resources or fact ids the output rests on. */
  inputs: string[];
  /** Target of the provenance: a stored resource reference, or a generated artefact such as `cds-card/<uuid>`. */
  target: string;
  patient?: string;
}

/** Where audit records go; implementations must not throw into the request path (they log and continue). */
export interface AuditTrail {
  access(record: AccessRecord): void;
  provenance(record: ProvenanceRecord): void;
  /** Waits until queued records are stored (tests, shutdown). */
  flush(): Promise<void>;
}

/** An audit trail that records nothing, for CLI tools and unit tests that do not exercise auditing. */
export const NO_AUDIT: AuditTrail = {
  access: () => undefined,
  provenance: () => undefined,
  flush: () => Promise.resolve(),
};
