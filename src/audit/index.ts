export type { AccessRecord, AuditAgent, AuditTrail, ProvenanceRecord } from './trail.js';
export { NO_AUDIT } from './trail.js';
export { createFhirAuditTrail, createLogAuditTrail, type FhirAuditTrailOptions } from './fhir-trail.js';
export { toAuditEvent, toProvenance, AUDIT_SYSTEMS, isReference, patientReference } from './resources.js';
