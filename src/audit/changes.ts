import { maskIdCard } from '../auth/masking';

/** A field's value as the audit trail shows it: a reference by its id, anything else as it is. */
type Value = string | number | boolean | Date | null | undefined | { id: string };

/**
 * Identifiers shown in an audit outcome only as every role may read them (src/auth/role.ts): the
 * trail is read by INSPECTOR and ADMIN, and an identifier a role reads masked elsewhere is not
 * written in clear here. Neither update use case lets them change today (the ID-card number and the
 * USCC are keys, fixed at registration); this keeps it so should one ever do.
 */
const MASKED: Record<string, (value: string) => string> = { idCardNumber: maskIdCard };

/** Each value is cut to this many characters; the outcome column holds 1,000. */
const VALUE_CHARS = 80;

function shown(field: string, value: Value): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object' && !(value instanceof Date)) return value.id;
  const text = typeof value === 'string' && MASKED[field] ? MASKED[field](value) : value;
  const json = JSON.stringify(text);
  return json.length <= VALUE_CHARS ? json : `${json.slice(0, VALUE_CHARS - 1)}…`;
}

/** The fields of an object as an update will compare them: call it before and after the change. */
export function snapshot<T extends object, K extends keyof T & string>(object: T, fields: readonly K[]): Record<K, string> {
  return Object.fromEntries(fields.map((field) => [field, shown(field, object[field] as Value)])) as Record<K, string>;
}

/**
 * What an update changed, for its audit event (hostile7 F6): `updated leadingCadre: false → true;
 * name: "何洋" → "何阳"`, each changed field with its old and new value (strings quoted, so a value
 * cannot pass for the separator; a reference by its id), or `updated: nothing changed`. Subjects
 * and commitments keep no history of their own, so this is the only record of their earlier values.
 */
export function changesOutcome(before: Record<string, string>, after: Record<string, string>): string {
  const changed = changedFieldNames(before, after);
  if (!changed.length) return 'updated: nothing changed';
  const text = `updated ${changed.map((field) => `${field}: ${before[field]} → ${after[field]}`).join('; ')}`;
  return text.length <= 1000 ? text : `${text.slice(0, 999)}…`;
}

/** The names of the fields an update changed (snapshots before and after), for its change notice. */
function changedFieldNames(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((field) => before[field] !== after[field]);
}

/** What a correction changed: for its audit outcome (with values) and its change notice (names only). */
export interface Compared {
  outcome: string;
  changed: string[];
}

/**
 * The row a use case corrects, handed to it by withAudit (src/audit/audit.service.ts): the use case
 * names the row and the fields it may change before changing them (`of`), and withAudit compares them
 * after its work, for the audit outcome and the change notice's field names (sec28 F7: a notice names
 * the fields as compared, never parsed from the outcome). So no correction can leave them out.
 */
export class Correction {
  private taken: { row: object; fields: readonly string[]; before: Record<string, string> } | undefined;

  /** Takes the fields' values now, before the use case changes them: call it once the row is locked. */
  of<T extends object, K extends keyof T & string>(row: T, fields: readonly K[]): void {
    if (this.taken) throw new Error('a use case corrects one row: Correction.of was called twice');
    this.taken = { row, fields, before: snapshot(row, fields) };
  }

  /** What changed since `of`, or undefined when the use case corrected nothing. */
  compared(): Compared | undefined {
    if (!this.taken) return undefined;
    const { row, fields, before } = this.taken;
    const after = snapshot(row as Record<string, Value>, fields);
    return { outcome: changesOutcome(before, after), changed: changedFieldNames(before, after) };
  }
}
