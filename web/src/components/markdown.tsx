import type { ReactElement, ReactNode } from 'react';
import { humanizeUnits } from '../format/units.js';

// A tiny renderer for the Markdown subset CDS cards use: paragraphs, `-`/`*` lists, `#` headings, **bold**, *em*,
// `code`, [links](https://…) and backslash escapes. It builds React elements (no HTML strings), so card text can never
// inject markup; links are kept only for http(s) URLs.

const INLINE =
  /\\([\\`*_[\]#<>|()!-])|`([^`]+)`|\*\*(.+?)\*\*|(?<![\w*])[*_]([^*_\s][^*_]*?)[*_](?![\w*])|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;

function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// FHIR references a card cites (`Observation/abc/_history/2`), which open their source when a handler is given.
const REFERENCE =
  /\b(?:Observation|Condition|MedicationRequest|MedicationStatement|AllergyIntolerance|Procedure|Encounter|DiagnosticReport|DocumentReference|Immunization|Patient)\/[A-Za-z0-9.-]{1,64}(?:\/_history\/[A-Za-z0-9.-]{1,64})?(?:#[A-Za-z0-9.-]+)?/g;

/** Opens the FHIR resource behind a reference found in the text. */
export type OnReference = (reference: string) => void;

function plain(text: string, keyPrefix: string, onReference: OnReference | undefined): ReactNode[] {
  const shown = humanizeUnits(text);
  if (!onReference) return [shown];
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of shown.matchAll(REFERENCE)) {
    if (m.index > last) out.push(shown.slice(last, m.index));
    const reference = m[0];
    out.push(
      <button
        key={`${keyPrefix}-r${n++}`}
        type="button"
        className="link"
        title="Open the source"
        onClick={() => onReference(reference)}
      >
        {reference}
      </button>,
    );
    last = m.index + reference.length;
  }
  if (last < shown.length) out.push(shown.slice(last));
  return out;
}

/** Inline Markdown -> React nodes; FHIR references become buttons when `onReference` is given. */
export function inlineMarkdown(text: string, keyPrefix = 'i', onReference?: OnReference): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push(...plain(text.slice(last, at), `${keyPrefix}-t${n}`, onReference));
    const key = `${keyPrefix}-${n++}`;
    const [, escaped, code, bold, em, label, url] = m;
    if (escaped !== undefined) out.push(...plain(escaped, key, onReference));
    else if (code !== undefined) out.push(<code key={key}>{code}</code>);
    else if (bold !== undefined) out.push(<strong key={key}>{inlineMarkdown(bold, key, onReference)}</strong>);
    else if (em !== undefined) out.push(<em key={key}>{inlineMarkdown(em, key, onReference)}</em>);
    else if (label !== undefined && url !== undefined) {
      const href = safeUrl(url);
      out.push(
        href ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer">
            {inlineMarkdown(label, key)}
          </a>
        ) : (
          label
        ),
      );
    }
    last = at + m[0].length;
  }
  if (last < text.length) out.push(...plain(text.slice(last), `${keyPrefix}-end`, onReference));
  return out;
}

type Block = { kind: 'p' | 'h'; lines: string[] } | { kind: 'ul'; items: string[] };

function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const item = /^\s*[-*+]\s+(.*)$/.exec(line);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      current = null;
    } else if (item) {
      if (current?.kind !== 'ul') {
        current = { kind: 'ul', items: [] };
        out.push(current);
      }
      current.items.push(item[1] ?? '');
    } else if (heading) {
      out.push({ kind: 'h', lines: [heading[1] ?? ''] });
      current = null;
    } else if (current?.kind === 'p') {
      current.lines.push(line);
    } else {
      current = { kind: 'p', lines: [line] };
      out.push(current);
    }
  }
  return out;
}

/** Renders card Markdown (the subset above) as safe React elements. */
export function Markdown({ text, onReference }: { text: string; onReference?: OnReference }): ReactElement {
  return (
    <div className="markdown">
      {blocks(text).map((b, i) => {
        const key = `b${i}`;
        if (b.kind === 'ul') {
          return (
            <ul key={key}>
              {b.items.map((item, j) => (
                <li key={`${key}-${j}`}>{inlineMarkdown(item, `${key}-${j}`, onReference)}</li>
              ))}
            </ul>
          );
        }
        if (b.kind === 'h') {
          return <h4 key={key}>{inlineMarkdown(b.lines.join(' '), key, onReference)}</h4>;
        }
        return <p key={key}>{inlineMarkdown(b.lines.join(' '), key, onReference)}</p>;
      })}
    </div>
  );
}
