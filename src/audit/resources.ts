import type {
  AuditEvent,
  AuditEventAgent,
  AuditEventEntity,
  Device,
  Organization,
  Patient,
  Practitioner,
  Provenance,
  Reference,
} from '@medplum/fhirtypes';
import type { AccessRecord, AuditAgent, ProvenanceRecord } from './trail.js';

/** Identifier systems Vitalis uses in audit resources. */
export const AUDIT_SYSTEMS = {
  client: 'urn:vitalis:client',
  agent: 'urn:vitalis:agent',
  engine: 'urn:vitalis:engine',
  artefact: 'urn:vitalis:artefact',
  fact: 'urn:vitalis:fact',
  action: 'urn:vitalis:audit-action',
} as const;

const REFERENCE = /^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** True when the string is a literal relative reference such as `Observation/1` or `Observation/1/_history/2`. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** The Reference for an agent: a resource reference when `who` is one, else an identifier. */
function agentReference(who: string): Reference<Practitioner | Patient | Device | Organization> {
  if (isReference(who)) {
    return { reference: who };
  }
  const client = /^client:(.+)$/.exec(who);
  if (client?.[1]) {
    return { identifier: { system: AUDIT_SYSTEMS.client, value: client[1] }, display: who };
  }
  return { identifier: { system: AUDIT_SYSTEMS.agent, value: who }, display: who };
}

function agents(agent: AuditAgent): AuditEventAgent[] {
  const out: AuditEventAgent[] = [{ who: agentReference(agent.who), requestor: true }];
  if (agent.clientId !== undefined && agent.who !== `client:${agent.clientId}`) {
    out.push({
      who: { identifier: { system: AUDIT_SYSTEMS.client, value: agent.clientId }, display: `client:${agent.clientId}` },
      requestor: false,
      type: {
        coding: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110150', display: 'Application' }],
      },
    });
  }
  return out;
}

const ACTION_CODE: Record<AccessRecord['action'], NonNullable<AuditEvent['action']>> = {
  read: 'R',
  search: 'E',
  create: 'C',
  update: 'U',
  delete: 'D',
  execute: 'E',
};

const SUBTYPE: Record<AccessRecord['action'], string> = {
  read: 'read',
  search: 'search-type',
  create: 'create',
  update: 'update',
  delete: 'delete',
  execute: 'operation',
};

/** Normalizes a patient id or `Patient/id` to `Patient/id`. */
export function patientReference(patient: string): string {
  return patient.startsWith('Patient/') ? patient : `Patient/${patient}`;
}

/** The FHIR AuditEvent of one access (DICOM/RESTful coding; the patient as an entity, so `?patient=` finds it). */
export function toAuditEvent(record: AccessRecord, recorded: Date): AuditEvent {
  const given = [...(record.patient ? [record.patient] : []), ...(record.patients ?? [])];
  const all = [...new Set(given.map(patientReference))];
  const whatReference = isReference(record.what);
  return {
    resourceType: 'AuditEvent',
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    subtype: [
      record.action === 'execute'
        ? { system: AUDIT_SYSTEMS.action, code: 'execute', display: 'Service or engine run' }
        : { system: 'http://hl7.org/fhir/restful-interaction', code: SUBTYPE[record.action] },
    ],
    action: ACTION_CODE[record.action],
    recorded: recorded.toISOString(),
    outcome: record.outcome === 'success' ? '0' : '4',
    ...(record.detail ? { outcomeDesc: record.detail } : {}),
    ...(record.purpose
      ? {
          purposeOfEvent: [
            { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: record.purpose }] },
          ],
        }
      : {}),
    agent: agents(record.agent),
    source: {
      observer: { display: 'Vitalis' },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
    entity: [
      ...all.map((reference): AuditEventEntity => ({
        what: { reference },
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
        role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
      })),
      {
        ...(whatReference && !all.includes(record.what) ? { what: { reference: record.what } } : {}),
        type: {
          system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
          code: '2',
          display: 'System Object',
        },
        description: record.what,
      } satisfies AuditEventEntity,
    ],
  };
}

function inputReference(input: string): Reference {
  return isReference(input) ? { reference: input } : { identifier: { system: AUDIT_SYSTEMS.fact, value: input } };
}

/** The FHIR Provenance of one generated output: the engine as author, its inputs (and the patient) as sources. */
export function toProvenance(record: ProvenanceRecord, recorded: Date): Provenance {
  const inputs = [...new Set([...(record.patient ? [patientReference(record.patient)] : []), ...record.inputs])];
  const engine = `${record.engine.id}@${record.engine.version}`;
  return {
    resourceType: 'Provenance',
    target: [
      isReference(record.target)
        ? { reference: record.target }
        : { identifier: { system: AUDIT_SYSTEMS.artefact, value: record.target }, display: record.target },
    ],
    recorded: recorded.toISOString(),
    agent: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler' }],
        },
        who: { identifier: { system: AUDIT_SYSTEMS.engine, value: engine }, display: engine },
      },
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'enterer' }],
        },
        who: agentReference(record.agent.who),
      },
    ],
    entity: inputs.map((input) => ({ role: 'source' as const, what: inputReference(input) })),
  };
}
