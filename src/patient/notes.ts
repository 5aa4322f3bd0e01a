import type { Attachment, DiagnosticReport, DocumentReference } from '@medplum/fhirtypes';
import type { NoteFact, ReportFact } from './fact-schema.js';
import { baseFact, conceptCodes, conceptCodings, referenceFactId, SYSTEMS } from './fhir-helpers.js';

/** Decodes the text of a text/* attachment carried inline (base64 `data`); null for URLs and binary content. */
export function attachmentText(attachment: Attachment | undefined): string | null {
  if (!attachment?.data) {
    return null;
  }
  const contentType = (attachment.contentType ?? 'text/plain').toLowerCase();
  if (!contentType.startsWith('text/')) {
    return null;
  }
  return Buffer.from(attachment.data, 'base64').toString('utf8');
}

function joinTexts(texts: readonly (string | null | undefined)[]): string | null {
  const kept = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  return kept.length > 0 ? kept.join('\n\n') : null;
}

/** Turns a DocumentReference into a note fact with its decoded text. */
export function documentNoteFact(document: DocumentReference): NoteFact {
  const attachments = (document.content ?? []).map((c) => c.attachment);
  const concept = document.type ?? (document.description ? { text: document.description } : undefined);
  const base = baseFact({
    resource: document,
    kind: 'note',
    concept,
    preferred: [SYSTEMS.loinc],
    effectiveTime: document.context?.period?.start ?? document.date,
    effectiveEnd: document.context?.period?.end,
    status: document.status,
    encounter: document.context?.encounter?.[0],
  });
  return {
    ...base,
    kind: 'note',
    resourceType: 'DocumentReference',
    contentType: attachments.find((a) => a.contentType)?.contentType ?? null,
    content: joinTexts(attachments.map((a) => attachmentText(a))),
  };
}

function reportTime(report: DiagnosticReport): string | undefined {
  return report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued;
}

/** Turns a DiagnosticReport into a report fact (results as observation fact ids). */
export function reportFact(report: DiagnosticReport): ReportFact {
  const base = baseFact({
    resource: report,
    kind: 'report',
    concept: report.code,
    preferred: [SYSTEMS.loinc],
    effectiveTime: reportTime(report),
    effectiveEnd: report.effectivePeriod?.end,
    status: report.status,
    encounter: report.encounter,
  });
  return {
    ...base,
    kind: 'report',
    category: conceptCodes(report.category),
    conclusion: report.conclusion ?? null,
    conclusionCodes: (report.conclusionCode ?? []).flatMap((c) => conceptCodings(c, [SYSTEMS.snomed])),
    results: (report.result ?? [])
      .map((r) => referenceFactId(r, 'Observation'))
      .filter((id): id is string => id !== null),
  };
}

/** The narrative of a DiagnosticReport (conclusion and text presentedForm) as a note fact, or null if it has none. */
export function reportNoteFact(report: DiagnosticReport): NoteFact | null {
  const forms = report.presentedForm ?? [];
  const content = joinTexts([report.conclusion, ...forms.map((f) => attachmentText(f))]);
  if (content === null) {
    return null;
  }
  const base = baseFact({
    resource: report,
    kind: 'note',
    concept: report.code,
    preferred: [SYSTEMS.loinc],
    suffix: 'text',
    effectiveTime: reportTime(report),
    status: report.status,
    encounter: report.encounter,
  });
  return {
    ...base,
    kind: 'note',
    resourceType: 'DiagnosticReport',
    contentType: forms.find((f) => f.contentType)?.contentType ?? (report.conclusion ? 'text/plain' : null),
    content,
  };
}
