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
 * the role: it reads the field whole, or the reader's view masks it (src/graphql/stored-facts-view.ts) (a civil servant's
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
