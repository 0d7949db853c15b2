import type { MiddlewareFn } from 'type-graphql';
import { readLogOf } from '../audit/read-log';
import { FIELD_READERS, readsWhole, SYSTEM_VIEWER } from '../auth/role';
import { SubjectType } from '../domain/subject';
import type { GraphQLContext } from './context';

/**
 * Records who read a civil servant's personal data whole (hostile4 M2, hostile5 F1): the fields
 * FIELD_READERS marks `audited` (src/auth/role.ts), by whichever root they were reached — a
 * servant's own fields, a record about them from `creditRecords` or `creditRecord`, an objection or
 * repair of such a record, a commitment they answer for, a change notice about them, an audit
 * event about them (old and new values of their data), an assessment of them (its outcome and
 * measures name the rules that fired for them). Read whole by a signed-in caller, each leaves a
 * note in the request's read log (src/audit/read-log.ts), written to the audit trail with the
 * request's other reads when the response is ready: one
 * READ_PERSONAL_DATA event per person per request, naming the fields. A masked or withheld read is
 * not personal data read and is not recorded; nor are the facts runner's reads as the system
 * (recorded when a verdict is read). Over a WebSocket the same notes are written per event
 * (src/audit/subscription-reads.ts).
 */
const AUDITED = new Map<string, Set<string>>();
for (const [key, guard] of Object.entries(FIELD_READERS)) {
  if (!('audited' in guard)) continue;
  const [type, field] = key.split('.');
  if (!AUDITED.has(type)) AUDITED.set(type, new Set());
  AUDITED.get(type)!.add(field);
}

type Ref = { id: string } | null | undefined;
/**
 * A civil servant's id, or a person the registry knows only by name inside an object: recorded as
 * the object's owner and the object (an agency and its court case).
 */
type Person = string | { subjectType: SubjectType; subjectId: string; targetId: string };
type PersonOf = (root: any, context: GraphQLContext, operation?: string) => Person | null | Promise<Person | null>;

/** The civil servant a record is about; null for an agency's or an enterprise's. */
const servantOfRecord = (record: { subjectType: string; subjectId: string } | null | undefined): string | null =>
  record?.subjectType === SubjectType.CIVIL_SERVANT ? record.subjectId : null;

/** The civil servant who answers for a commitment; null when none is named. */
const responsibleFor = async (commitmentId: string, { loaders }: GraphQLContext): Promise<string | null> =>
  (await loaders.commitment.load(commitmentId))?.responsiblePerson?.id ?? null;

/** Which civil servant an object with audited fields is about, by GraphQL type; null: nobody's personal data. */
const PERSON_OF: Record<string, PersonOf> = {
  CivilServant: (servant: { id: string }) => servant.id,
  CreditRecord: servantOfRecord,
  Objection: async (objection: { record: Ref }, { loaders }) => (objection.record ? servantOfRecord(await loaders.creditRecord.load(objection.record.id)) : null),
  CreditRepair: async (repair: { record: Ref }, { loaders }) => (repair.record ? servantOfRecord(await loaders.creditRecord.load(repair.record.id)) : null),
  Commitment: (commitment: { responsiblePerson?: Ref }) => commitment.responsiblePerson?.id ?? null,
  Assessment: (assessment: { subjectType: string; subjectId: string }) =>
    assessment.subjectType === SubjectType.CIVIL_SERVANT ? assessment.subjectId : null,
  // A verdict returned by the mutation that made it (evaluate, recheck) is recorded by that mutation's own event.
  Verdict: (verdict: { subjectType: string; subjectId: string }, _context, operation?: string) =>
    verdict.subjectType === SubjectType.CIVIL_SERVANT && operation !== 'mutation' ? verdict.subjectId : null,
  SubjectChange: (change: { subjectType: string | null; subjectId: string | null }) =>
    change.subjectType === SubjectType.CIVIL_SERVANT ? change.subjectId : null,
  AuditEvent: (event: { subjectType?: string | null; subjectId?: string | null }) =>
    event.subjectType === SubjectType.CIVIL_SERVANT && event.subjectId ? event.subjectId : null,
  // A commitment's 履职不力 finding in an agency's facts (commitmentFacts): its responsible person's, as on the commitment.
  BreachedCommitment: (item: { id: string }, context) => responsibleFor(item.id, context),
  NotCountedCommitment: (item: { id: string }, context) => responsibleFor(item.id, context),
  // The person who stood in for the agency's head in court, and why the head was absent (their
  // health, their family): a named person's data, though not a registered civil servant's.
  CourtCase: (courtCase: { id: string; agency: { id: string } }) => ({ subjectType: SubjectType.AGENCY, subjectId: courtCase.agency.id, targetId: courtCase.id }),
};
for (const type of AUDITED.keys()) {
  if (!PERSON_OF[type]) throw new Error(`FIELD_READERS audits fields of ${type}, but personal-reads.ts does not say whose data a ${type} is (PERSON_OF).`);
}

/** Notes that the viewer read a civil servant's personal data whole; `field` names what, `Type.field` off the servant's own type. */
export function notePersonalRead(context: GraphQLContext, servantId: string, field: string): void {
  if (context.viewer === SYSTEM_VIEWER) return;
  readLogOf(context).notePersonal(SubjectType.CIVIL_SERVANT, servantId, field);
}

export const RecordPersonalReads: MiddlewareFn<GraphQLContext> = async ({ root, info, context }, next) => {
  const type = info.parentType.name;
  const fields = AUDITED.get(type);
  if (!fields?.has(info.fieldName) || context.viewer === SYSTEM_VIEWER) return next();
  const result: unknown = await next();
  if (!readsWhole(context.viewer.role, `${type}.${info.fieldName}`)) return result;
  const person = await PERSON_OF[type](root, context, info.operation.operation);
  const field = type === 'CivilServant' ? info.fieldName : `${type}.${info.fieldName}`;
  if (typeof person === 'string') notePersonalRead(context, person, field);
  else if (person) readLogOf(context).notePersonal(person.subjectType, person.subjectId, field, person.targetId);
  return result;
};
