import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { FIELD_READERS, type Role } from '../../auth/role';
import { SubjectType } from '../../domain/subject';
import type { GraphQLContext } from '../context';
import { creditFactsOf, listFactsOf, type CreditReading } from '../facts-of';
import { capped } from '../list-caps';
import { subjectKey } from '../loaders';
import { CreditFactsType } from '../types/credit-facts.type';
import { ListFactsType, ListMembershipType } from '../types/list-membership.type';
import { CreditReadingArgs } from './credit-args';
import { AS_OF, CREDIT, HISTORY, LISTINGS } from './facts-args';

/** The GraphQL types whose facts rules read, with the subject type of their rows. */
const SUBJECT_TYPES = { Agency: SubjectType.AGENCY, CivilServant: SubjectType.CIVIL_SERVANT, Enterprise: SubjectType.ENTERPRISE } as const;
export type FactsSubject = keyof typeof SUBJECT_TYPES;

/** The roles FIELD_READERS (src/auth/role.ts) names for `Type.field`; a field it does not name is not guarded here. */
function ReadBy(field: string): MethodDecorator {
  const guard = (FIELD_READERS as Record<string, { roles: readonly Role[] } | undefined>)[field];
  return guard ? Authorized(guard.roles) : () => undefined;
}

/**
 * What `credit` and `listings` of a subject do, apart from type-graphql: the resolvers below call
 * them, and so does the facts twin's direct path (src/graphql/direct-facts-fields.ts), so both
 * schemas compute the same facts by the same code.
 */
export function subjectFactsFields(name: FactsSubject) {
  const type = SUBJECT_TYPES[name];
  return {
    credit: (subject: { id: string }, asOf: Date, reading: CreditReading, { loaders, viewer }: GraphQLContext) => creditFactsOf(loaders, viewer, `${name}.credit`, type, subject.id, asOf, reading),
    listings: (subject: { id: string }, asOf: Date, { loaders, viewer }: GraphQLContext) => listFactsOf(loaders, viewer, `${name}.listings`, type, subject.id, asOf),
  };
}

/**
 * The facts fields every subject has, one copy for agencies, civil servants and enterprises:
 * `credit`, `listings`, `listMemberships` (TypeGraphQL's resolver inheritance, its docs/inheritance.md:
 * an abstract resolver made per object type). Each subject's resolver extends it with its own facts.
 */
export function createSubjectFactsResolver(name: FactsSubject, objectType: ClassType) {
  const type = SUBJECT_TYPES[name];
  const fields = subjectFactsFields(name);

  @Resolver(() => objectType)
  abstract class SubjectFactsResolver {
    @FieldResolver(() => CreditFactsType, CREDIT)
    @ReadBy(`${name}.credit`)
    credit(@Root() subject: { id: string }, @Arg('asOf', AS_OF) asOf: Date, @Args(() => CreditReadingArgs, { validate: false }) reading: CreditReadingArgs, @Ctx() context: GraphQLContext) {
      return fields.credit(subject, asOf, reading, context);
    }

    @FieldResolver(() => ListFactsType, LISTINGS)
    @ReadBy(`${name}.listings`)
    listings(@Root() subject: { id: string }, @Arg('asOf', AS_OF) asOf: Date, @Ctx() context: GraphQLContext) {
      return fields.listings(subject, asOf, context);
    }

    @FieldResolver(() => [ListMembershipType], HISTORY)
    @ReadBy(`${name}.listMemberships`)
    async listMemberships(@Root() subject: { id: string }, @Ctx() { loaders }: GraphQLContext) {
      return capped(`${name}.listMemberships`, await loaders.listMembershipsOfSubject.load(subjectKey(type, subject.id)));
    }
  }

  return SubjectFactsResolver;
}
