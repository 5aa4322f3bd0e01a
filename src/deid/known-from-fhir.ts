import type { Address, HumanName, Patient } from '@medplum/fhirtypes';
import type { KnownIdentifiers } from './types.js';

function names(list: readonly HumanName[] | undefined): string[] {
  return (list ?? []).flatMap((n) => [n.text ?? '', ...(n.given ?? []), n.family ?? '']).filter((s) => s.trim() !== '');
}

function addressParts(list: readonly Address[] | undefined): string[] {
  return (list ?? [])
    .flatMap((a) => [...(a.line ?? []), a.city ?? '', a.postalCode ?? ''])
    .filter((s) => s.trim().length >= 3);
}

/** The identifiers of a FHIR Patient (own names, contacts' names, identifiers, address, phone, email, birth date). */
export function knownFromPatient(patient: Patient): KnownIdentifiers {
  const contacts = patient.contact ?? [];
  const telecom = [...(patient.telecom ?? []), ...contacts.flatMap((c) => c.telecom ?? [])];
  return {
    names: [...names(patient.name), ...contacts.flatMap((c) => names(c.name ? [c.name] : []))],
    ids: (patient.identifier ?? []).map((i) => i.value ?? '').filter((v) => v !== ''),
    addresses: [
      ...addressParts(patient.address),
      ...contacts.flatMap((c) => addressParts(c.address ? [c.address] : [])),
    ],
    phones: telecom
      .filter((t) => t.system === 'phone' || t.system === 'fax' || t.system === 'sms')
      .map((t) => t.value ?? ''),
    emails: telecom
      .filter((t) => t.system === 'email')
      .map((t) => t.value ?? '')
      .filter((v) => v !== ''),
    dates: patient.birthDate ? [patient.birthDate] : [],
  };
}
