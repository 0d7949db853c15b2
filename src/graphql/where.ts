/** Escapes LIKE wildcards so that user text matches literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Drops undefined and null entries so that absent filter fields do not constrain the query. */
export function definedOnly<T extends Record<string, unknown>>(where: T): Partial<T> {
  return Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
