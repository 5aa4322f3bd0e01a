import { createHash } from 'node:crypto';
import type { Basic, Extension } from '@medplum/fhirtypes';
import type { FhirRepository, SearchRequest } from '../fhir/repository.js';
import { parseSearchQuery } from '../fhir/search/index.js';
import type { FeedbackRecord } from './feedback-stats.js';

/** Where CDS feedback goes; `all()` returns every stored record, for statistics. */
export interface FeedbackStore {
  /** Stores the records; a record already stored (same card, outcome and time) is not stored twice. */
  add(records: readonly FeedbackRecord[]): Promise<void>;
  all(): Promise<FeedbackRecord[]>;
  /** True when records survive a restart. */
  readonly durable: boolean;
}

const NS = 'https://vitalis.health/fhir';
/** Basic.code of a stored CDS feedback record. */
export const FEEDBACK_CODE = { system: `${NS}/CodeSystem/vitalis-record-type`, code: 'cds-feedback' } as const;
const EXT = `${NS}/StructureDefinition/cds-feedback`;
const ID_SYSTEM = `${NS}/sid/cds-feedback`;
const PAGE = 500;

// One identifier per (card, outcome, time): a re-sent feedback item is stored once (hex, so no search escaping).
function identifierValue(r: FeedbackRecord): string {
  return createHash('sha256')
    .update(`${r.card}\u0000${r.outcome}\u0000${r.outcomeTimestamp}`)
    .digest('hex')
    .slice(0, 40);
}

function str(url: string, value: string | null): Extension[] {
  return value === null ? [] : [{ url, valueString: value }];
}

/** FeedbackRecord -> Basic resource (no patient reference: feedback carries none, and it stays out of the chart). */
export function feedbackToBasic(r: FeedbackRecord): Basic {
  const reason = r.overrideReason;
  return {
    resourceType: 'Basic',
    identifier: [{ system: ID_SYSTEM, value: identifierValue(r) }],
    code: { coding: [{ ...FEEDBACK_CODE }] },
    created: r.outcomeTimestamp.slice(0, 10),
    extension: [
      {
        url: EXT,
        extension: [
          { url: 'service', valueString: r.serviceId },
          { url: 'kind', valueString: r.kind },
          { url: 'card', valueString: r.card },
          { url: 'outcome', valueCode: r.outcome },
          { url: 'outcomeTimestamp', valueDateTime: r.outcomeTimestamp },
          { url: 'acceptedSuggestions', valueInteger: r.acceptedSuggestions },
          { url: 'hasComment', valueBoolean: r.hasComment },
          ...(reason
            ? [
                {
                  url: 'overrideReason',
                  valueCoding: {
                    code: reason.code,
                    ...(reason.system ? { system: reason.system } : {}),
                    ...(reason.display ? { display: reason.display } : {}),
                  },
                },
              ]
            : []),
          ...str('client', r.clientId),
        ],
      },
    ],
  };
}

/** Basic resource -> FeedbackRecord; null for a resource that is not one of ours. */
export function basicToFeedback(basic: Basic): FeedbackRecord | null {
  const parts = basic.extension?.find((e) => e.url === EXT)?.extension ?? [];
  const get = (url: string): Extension | undefined => parts.find((e) => e.url === url);
  const serviceId = get('service')?.valueString;
  const card = get('card')?.valueString;
  const outcome = get('outcome')?.valueCode;
  const time = get('outcomeTimestamp')?.valueDateTime;
  if (!serviceId || !card || (outcome !== 'accepted' && outcome !== 'overridden') || !time) {
    return null;
  }
  const coding = get('overrideReason')?.valueCoding;
  return {
    serviceId,
    kind: get('kind')?.valueString ?? 'unknown',
    card,
    outcome,
    overrideReason: coding?.code
      ? {
          code: coding.code,
          ...(coding.system ? { system: coding.system } : {}),
          ...(coding.display ? { display: coding.display } : {}),
        }
      : null,
    hasComment: get('hasComment')?.valueBoolean ?? false,
    acceptedSuggestions: get('acceptedSuggestions')?.valueInteger ?? 0,
    outcomeTimestamp: time,
    clientId: get('client')?.valueString ?? null,
  };
}

/** Stores feedback as FHIR Basic resources in the chart store (PGlite or PostgreSQL, through the repository). */
export function createRepositoryFeedbackStore(repo: FhirRepository): FeedbackStore {
  return {
    durable: true,
    async add(records) {
      for (const r of records) {
        await repo.create(feedbackToBasic(r), {
          ifNoneExist: `identifier=${encodeURIComponent(`${ID_SYSTEM}|${identifierValue(r)}`)}`,
        });
      }
    },
    async all() {
      const out: FeedbackRecord[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const query = new URLSearchParams({
          code: `${FEEDBACK_CODE.system}|${FEEDBACK_CODE.code}`,
          _count: String(PAGE),
          _offset: String(offset),
        });
        const bundle = await repo.search<Basic>(parseSearchQuery('Basic', query) as SearchRequest<Basic>);
        const page = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
        out.push(...page.flatMap((b) => basicToFeedback(b) ?? []));
        if (page.length < PAGE) {
          return out;
        }
      }
    },
  };
}

/** Keeps feedback in memory (when the chart store is a read-only remote FHIR server). */
export function createMemoryFeedbackStore(): FeedbackStore {
  const records = new Map<string, FeedbackRecord>();
  return {
    durable: false,
    add(list) {
      for (const r of list) {
        records.set(identifierValue(r), r);
      }
      return Promise.resolve();
    },
    all: () => Promise.resolve([...records.values()]),
  };
}
