import type { MiddlewareFn } from 'type-graphql';
import { readLogOf } from '../audit/read-log';
import { FIELD_READERS, readsWhole, SYSTEM_VIEWER } from '../auth/role';
import { SubjectType } from '../domain/subject';
import type { GraphQLContext } from './context';

/**
 * Records who read a civil servant's personal data whole (hostile4 M2): the fields FIELD_READERS
 * marks `audited` (src/auth/role.ts). Read whole by a signed-in caller, each leaves a note in the
 * request's read log (src/audit/read-log.ts), written to the audit trail with the request's other
 * reads when the response is ready: one READ_PERSONAL_DATA event per person per request, naming
 * the fields. A masked read (an OFFICER's 4207**********0013) is not personal data read and is not
 * recorded; nor are the facts runner's reads as the system (recorded when a verdict is read).
 */
const AUDITED = new Map<string, Set<string>>();
for (const [key, guard] of Object.entries(FIELD_READERS)) {
  if (!('audited' in guard)) continue;
  const [type, field] = key.split('.');
  if (!AUDITED.has(type)) AUDITED.set(type, new Set());
  AUDITED.get(type)!.add(field);
}

/** The GraphQL object types whose audited fields are about a person, and which subject that is. */
const PERSON_TYPES: Record<string, SubjectType> = { CivilServant: SubjectType.CIVIL_SERVANT };

export const RecordPersonalReads: MiddlewareFn<GraphQLContext> = async ({ root, info, context }, next) => {
  const fields = AUDITED.get(info.parentType.name);
  if (!fields?.has(info.fieldName) || context.viewer === SYSTEM_VIEWER) return next();
  const result: unknown = await next();
  const field = `${info.parentType.name}.${info.fieldName}`;
  const id = (root as { id?: unknown } | undefined)?.id;
  const subjectType = PERSON_TYPES[info.parentType.name];
  if (subjectType && typeof id === 'string' && readsWhole(context.viewer.role, field)) readLogOf(context).notePersonal(subjectType, id, info.fieldName);
  return result;
};
