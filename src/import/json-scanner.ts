/**
 * A streaming scanner for one top-level JSON object (a FHIR Bundle or resource). It walks the bytes once, without
 * building tokens, and hands out the raw text of each top-level member value and of each element of the top-level
 * `entry` array, so the caller can `JSON.parse` one entry at a time (native speed, bounded memory). The scanner checks
 * the top-level grammar itself; the values it hands out are checked by the caller's `JSON.parse`.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const BOM = [0xef, 0xbb, 0xbf];

/** Receives what the scanner finds, in file order. */
export interface JsonScanHandler {
  /** A top-level member other than the `entry` array: its key and the raw JSON text of its value. */
  member(key: string, valueText: string): void;
  /** One element of the top-level `entry` array, as raw JSON text, with its 0-based index. */
  entry(valueText: string, index: number): void;
}

/** Thrown when the top-level structure is not a well-formed JSON object; `offset` is the byte offset. */
export class JsonScanError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'JsonScanError';
    this.offset = offset;
  }
}

type State =
  | 'start'
  | 'key-or-end'
  | 'colon'
  | 'value'
  | 'member-comma-or-end'
  | 'elem-or-end'
  | 'elem'
  | 'elem-comma-or-end'
  | 'end';

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Streams bytes through `push`, then call `end` to check the object was complete. */
export class JsonObjectScanner {
  private state: State = 'start';
  private offset = 0;
  private key = '';
  private entryIndex = 0;
  private afterComma = false;
  // Value capture (a top-level member value or an entry element).
  private capturing = false;
  private captureTarget: 'key' | 'member' | 'entry' = 'member';
  private captureKind: 'nested' | 'scalar' = 'nested';
  private nest = 0;
  private inString = false;
  private escapePending = false;
  private parts: Buffer[] = [];
  private captureStart = 0;

  constructor(private readonly handler: JsonScanHandler) {}

  /** Feeds the next chunk of the file. */
  push(chunk: Buffer): void {
    let i = 0;
    while (this.offset + i < 3 && i < chunk.length && chunk[i] === BOM[this.offset + i]) {
      i++; // a UTF-8 byte-order mark, possibly split across chunks
    }
    if (this.capturing) {
      this.captureStart = 0;
    }
    const len = chunk.length;
    while (i < len) {
      if (this.capturing) {
        i = this.scanCapture(chunk, i);
        continue;
      }
      const c = chunk[i] as number;
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      this.structural(i, c);
      i++;
    }
    if (this.capturing) {
      this.parts.push(chunk.subarray(this.captureStart));
    }
    this.offset += len;
  }

  /** Checks that the whole object was read. */
  end(): void {
    if (this.state !== 'end') {
      throw new JsonScanError(this.state === 'start' ? 'Empty input' : 'Unexpected end of input', this.offset);
    }
  }

  private fail(message: string, i: number): never {
    throw new JsonScanError(message, this.offset + i);
  }

  private startCapture(i: number, c: number): void {
    this.capturing = true;
    this.captureStart = i;
    this.parts = [];
    this.nest = 1;
    this.inString = false;
    this.escapePending = false;
    // The caller steps past c itself, so a capture starts inside its container or string.
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.captureKind = 'nested';
    } else if (c === QUOTE) {
      this.captureKind = 'nested'; // a string is a nested capture at depth 0 that ends with its closing quote
      this.nest = 0;
      this.inString = true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON) {
      this.fail('Expected a value', i);
    } else {
      this.captureKind = 'scalar';
    }
  }

  private finishCapture(chunk: Buffer, endExclusive: number): void {
    const last = chunk.subarray(this.captureStart, endExclusive);
    const text = (this.parts.length > 0 ? Buffer.concat([...this.parts, last]) : last).toString('utf8');
    this.parts = [];
    this.capturing = false;
    if (this.captureTarget === 'key') {
      this.key = parseKey(text, this.offset + endExclusive);
      this.state = 'colon';
    } else if (this.captureTarget === 'member') {
      this.state = 'member-comma-or-end';
      this.handler.member(this.key, text);
    } else {
      this.state = 'elem-comma-or-end';
      this.handler.entry(text, this.entryIndex++);
    }
  }

  /** Advances a capture; returns the next index to look at. */
  private scanCapture(chunk: Buffer, start: number): number {
    const len = chunk.length;
    let i = start;
    if (this.captureKind === 'scalar') {
      while (i < len) {
        const c = chunk[i] as number;
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c)) {
          this.finishCapture(chunk, i);
          return i;
        }
        i++;
      }
      return len;
    }
    return this.scanNested(chunk, i);
  }

  /** The hot loop: brackets and strings inside a captured object or array, with state kept in locals. */
  private scanNested(chunk: Buffer, start: number): number {
    const len = chunk.length;
    let nest = this.nest;
    let inString = this.inString;
    let escape = this.escapePending;
    for (let i = start; i < len; i++) {
      const c = chunk[i] as number;
      if (inString) {
        if (escape) {
          escape = false;
        } else if (c === BACKSLASH) {
          escape = true;
        } else if (c === QUOTE) {
          inString = false;
          if (nest === 0) {
            return this.endNested(chunk, i + 1);
          }
        }
      } else if (c === QUOTE) {
        inString = true;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        nest++;
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --nest === 0) {
        return this.endNested(chunk, i + 1);
      }
    }
    this.nest = nest;
    this.inString = inString;
    this.escapePending = escape;
    return len;
  }

  private endNested(chunk: Buffer, end: number): number {
    this.nest = 0;
    this.inString = false;
    this.escapePending = false;
    this.finishCapture(chunk, end);
    return end;
  }

  private structural(i: number, c: number): void {
    switch (this.state) {
      case 'start':
        if (c !== OPEN_BRACE) {
          this.fail('Expected a JSON object', i);
        }
        this.state = 'key-or-end';
        this.afterComma = false;
        return;
      case 'key-or-end':
        if (c === CLOSE_BRACE && !this.afterComma) {
          this.state = 'end';
          return;
        }
        if (c !== QUOTE) {
          this.fail('Expected a property name', i);
        }
        this.captureTarget = 'key';
        this.startCapture(i, c);
        return;
      case 'colon':
        if (c !== COLON) {
          this.fail("Expected ':'", i);
        }
        this.state = 'value';
        return;
      case 'value':
        if (this.key === 'entry' && c === OPEN_BRACKET) {
          this.state = 'elem-or-end';
          this.afterComma = false;
          return;
        }
        this.captureTarget = 'member';
        this.startCapture(i, c);
        return;
      case 'member-comma-or-end':
        if (c === COMMA) {
          this.state = 'key-or-end';
          this.afterComma = true;
        } else if (c === CLOSE_BRACE) {
          this.state = 'end';
        } else {
          this.fail("Expected ',' or '}'", i);
        }
        return;
      case 'elem-or-end':
      case 'elem':
        if (c === CLOSE_BRACKET && this.state === 'elem-or-end') {
          this.state = 'member-comma-or-end';
          return;
        }
        this.captureTarget = 'entry';
        this.startCapture(i, c);
        return;
      case 'elem-comma-or-end':
        if (c === COMMA) {
          this.state = 'elem';
        } else if (c === CLOSE_BRACKET) {
          this.state = 'member-comma-or-end';
        } else {
          this.fail("Expected ',' or ']'", i);
        }
        return;
      case 'end':
        this.fail('Unexpected data after the end of the object', i);
    }
  }
}

function parseKey(text: string, offset: number): string {
  try {
    return JSON.parse(text) as string;
  } catch {
    throw new JsonScanError('Invalid property name', offset);
  }
}
