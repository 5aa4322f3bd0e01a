import type { CdsInvocation } from '../contract.js';

/** Code system of the topics of Vitalis cards. */
export const TOPIC_SYSTEM = 'https://vitalis.health/fhir/CodeSystem/cds-topic';
/** Code system of the override reasons Vitalis cards offer. */
export const OVERRIDE_SYSTEM = 'https://vitalis.health/fhir/CodeSystem/cds-override-reason';

/** The card source of a Vitalis service: label, the server's URL and a topic. */
export function vitalisSource(
  invocation: Pick<CdsInvocation, 'baseUrl'>,
  topic: { code: string; display: string; label: string },
): { label: string; url: string; topic: { system: string; code: string; display: string } } {
  return {
    label: topic.label,
    url: `${invocation.baseUrl}/`,
    topic: { system: TOPIC_SYSTEM, code: topic.code, display: topic.display },
  };
}

/** Cuts a summary to the spec's limit (under 140 characters) on a word boundary. */
export function clampSummary(text: string, max = 139): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Escapes Markdown control characters in chart text placed in a card's detail. */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}
