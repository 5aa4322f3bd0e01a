/** Collects bind parameters while SQL text is assembled; values never enter the SQL text. */
export class SqlBuilder {
  readonly params: unknown[] = [];

  /** Adds a bind value and returns its `$n` placeholder. */
  bind(value: unknown): string {
    this.params.push(value);
    return `$${String(this.params.length)}`;
  }
}

/** Escapes LIKE metacharacters so the value matches literally (default escape character is backslash). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Joins conditions with OR, parenthesized; a single condition is returned as is. */
export function anyOf(conditions: readonly string[]): string {
  if (conditions.length === 1 && conditions[0] !== undefined) {
    return conditions[0];
  }
  return `(${conditions.join(' OR ')})`;
}
