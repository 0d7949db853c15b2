import { FIELD_READERS, PERMISSIONS, readsWhole, Role, SEES_CIVIL_SERVANTS } from './role';

type Mask = (value: string) => string;

/** CivilServant's masked fields (FIELD_READERS), by field name: what a stored civil servant may hold. */
const SERVANT_MASKS: [string, string, Mask][] = Object.entries(FIELD_READERS).flatMap(([key, guard]) => {
  const [type, field] = key.split('.');
  return type === 'CivilServant' && 'mask' in guard ? [[key, field, guard.mask as Mask] as [string, string, Mask]] : [];
});

/** Who reads the stored facts of a subject type's verdicts: everyone for agencies and enterprises, the personnel readers for civil servants. */
export function verdictReaders(subjectType: string): readonly Role[] {
  return subjectType === 'CIVIL_SERVANT' ? PERMISSIONS.readPersonnelVerdicts : PERMISSIONS.readVerdicts;
}

/**
 * Whether a verdict's stored facts may give `Type.field` (whose values are of the type `returns`) to
 * the role: it reads the field whole, or storedFactsMask masks it on reading (a civil servant's
 * masked fields, for a role that sees civil servants at all). A civil servant inside the facts is
 * given only to the roles that see civil servants. FIELD_READERS decides; nothing here is listed by hand.
 */
export function storedFieldReadable(role: Role, typeAndField: string, returns?: string): boolean {
  const seesServants = SEES_CIVIL_SERVANTS.includes(role);
  if (returns === 'CivilServant' && !seesServants) return false;
  if (readsWhole(role, typeAndField)) return true;
  return seesServants && SERVANT_MASKS.some(([key]) => key === typeAndField);
}

/** The first reader of a subject type's verdicts whom stored facts holding `Type.field` would give what it may not read, or null. */
export function storedFieldExposedTo(subjectType: string, typeAndField: string, returns?: string): Role | null {
  return verdictReaders(subjectType).find((role) => !storedFieldReadable(role, typeAndField, returns)) ?? null;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * What a role may read of stored facts (a verdict's facts, evidence, condition values, texts,
 * differences), decided when they are read: facts are gathered as the system, unmasked. The
 * civil servants in the facts (the subject of a civil servant's verdict, and any object with an
 * `idCardNumber`: only civil servants have one) give each value the role sees masked (FIELD_READERS);
 * the returned function replaces those values wherever they appear in what it is given, inside
 * strings too (a rule's explanation text may quote one). Identity when nothing is masked.
 */
export function storedFactsMask(role: Role, subjectType: string, ...factsList: unknown[]): <T>(value: T) => T {
  const hidden = SERVANT_MASKS.filter(([key]) => !readsWhole(role, key));
  const replacements = new Map<string, string>();
  if (hidden.length) {
    const collect = (value: unknown, servant: boolean): void => {
      if (Array.isArray(value)) return value.forEach((item) => collect(item, false));
      if (!isPlain(value)) return;
      if (servant || 'idCardNumber' in value) {
        for (const [, field, mask] of hidden) {
          const found = value[field];
          if (typeof found === 'string' && found) replacements.set(found, mask(found));
        }
      }
      for (const child of Object.values(value)) collect(child, false);
    };
    for (const facts of factsList) {
      const subject = isPlain(facts) ? facts.subject : undefined;
      collect(subject, subjectType === 'CIVIL_SERVANT');
      collect(facts, false);
    }
  }
  if (!replacements.size) return (value) => value;
  // Longest first, so that a value inside another (a name inside a longer one) is not half-replaced.
  const pairs = [...replacements].sort((a, b) => b[0].length - a[0].length);
  const maskString = (text: string) => pairs.reduce((out, [whole, masked]) => (out.includes(whole) ? out.split(whole).join(masked) : out), text);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
