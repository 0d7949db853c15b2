import { correctFinding } from '../../registry/finding-correction';
import { UnitFindingKind } from '../../domain/finding-objection';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { Guarded } from '../guarded';
import { Commitment } from '../../db/entities';
import { CommitmentStatus } from '../../domain/commitment';
import { createCommitment, recordBreachFinding, settleCommitment, updateCommitment } from '../../registry/commitment.service';
import { findOrFail } from '../../db/repositories/lookup';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { CommitmentFilter } from '../inputs/filter.input';
import { CreateCommitmentInput, RecordBreachFindingInput, CorrectBreachFindingInput, SettleCommitmentInput, UpdateCommitmentInput } from '../inputs/commitment.input';
import { AgencyType } from '../types/agency.type';
import { CivilServantType } from '../types/civil-servant.type';
import { CommitmentConnection, CommitmentType } from '../types/commitment.type';
import { definedOnly } from '../where';

@Resolver(() => CommitmentType)
export class CommitmentResolver {
  @Query(() => CommitmentType, { nullable: true, description: 'One commitment by id; NOT_FOUND when there is none.' })
  commitment(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext) {
    return findOrFail(em, Commitment, 'commitment', id);
  }

  @Query(() => CommitmentConnection, { description: 'Commitments, latest due date first, a page at a time.' })
  commitments(
    @Args() page: PageArgs,
    @Arg('filter', () => CommitmentFilter, { nullable: true }) filter: CommitmentFilter | undefined,
    @Ctx() { em }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const pending = filter?.breachFindingPending === true ? { status: CommitmentStatus.BREACHED, breachFinding: null } : {};
    const where = { ...definedOnly({ agency: filter?.agencyId, status: filter?.status }), ...pending };
    return paginate(em, Commitment, where, { dueOn: 'desc', id: 'asc' }, page, info);
  }

  @Mutation(() => CommitmentType, { description: 'Records a public commitment of an agency.' })
  @Authorized(PERMISSIONS.writeRegistry)
  createCommitment(@Arg('input', () => CreateCommitmentInput) input: CreateCommitmentInput, @Ctx() context: GraphQLContext) {
    return createCommitment(context.em, context.viewer, input);
  }

  @Mutation(() => CommitmentType, { description: 'Records that a pending commitment was fulfilled or breached.' })
  @Authorized(PERMISSIONS.writeRegistry)
  settleCommitment(@Arg('input', () => SettleCommitmentInput) input: SettleCommitmentInput, @Ctx() context: GraphQLContext) {
    return settleCommitment(context.em, context.viewer, input);
  }

  @Mutation(() => CommitmentType, { description: '登记承诺的领域和公开情况 / Records or corrects a commitment\'s field and public disclosure (四(四) speaks of public projects and work of three fields); refused (CONFLICT) once a 履职不力 finding is on record.' })
  @Authorized(PERMISSIONS.writeRegistry)
  updateCommitment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCommitmentInput) input: UpdateCommitmentInput,
    @Ctx() context: GraphQLContext,
  ) {
    return updateCommitment(context.em, context.viewer, id, input);
  }

  @Mutation(() => CommitmentType, { description: '补录认定 / Records the finding of a breach settled without one (unreviewed, 未认定); it counts from foundOn. A finding is recorded once (CONFLICT after).' })
  @Authorized(PERMISSIONS.writeRegistry)
  recordBreachFinding(@Arg('input', () => RecordBreachFindingInput) input: RecordBreachFindingInput, @Ctx() context: GraphQLContext) {
    return recordBreachFinding(context.em, context.viewer, input);
  }

  @Mutation(() => CommitmentType, { description: '更正认定 / Corrects a breached commitment\'s finding — its category (DERELICTION, LAWFUL_CHANGE, FORCE_MAJEURE), day, body or document — as the finding body corrected it (law28 N11); it counts from the corrected day as the corrected category. BAD_USER_INPUT when nothing changes or foundOn is before settledOn; CONFLICT when no finding is recorded, it was revoked (an objection upheld) or it named answerable persons (object to the finding and their records instead). Audited CORRECT_FINDING old → new with the reason; verdicts resting on it go stale. On a finding on record before today a correction reaching a day before today takes a second person: ADMIN (FORBIDDEN, reason SECOND_PERSON_REQUIRED).' })
  @Authorized(PERMISSIONS.writeRegistry)
  correctBreachFinding(@Arg('input', () => CorrectBreachFindingInput) input: CorrectBreachFindingInput, @Ctx() context: GraphQLContext) {
    const { commitmentId, breachFinding, foundOn, foundBy, findingDocument, reason } = input;
    return correctFinding(context.em, context.viewer, { kind: UnitFindingKind.COMMITMENT_DERELICTION, targetId: commitmentId, breachFinding, foundOn, foundBy, document: findingDocument, reason });
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '待认定 / Breached with no finding recorded (未认定): it counts for nothing until one is recorded with recordBreachFinding. Null for the public, as the finding is.' })
  @Guarded('Commitment.breachFindingPending')
  breachFindingPending(@Root() commitment: Commitment): boolean {
    return commitment.status === CommitmentStatus.BREACHED && !commitment.breachFinding;
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() commitment: Commitment, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(commitment.agency.id);
  }

  @FieldResolver(() => CivilServantType, { nullable: true, description: 'The leading cadre answerable for it (责任人). Null for the public, who read no person behind a commitment.' })
  @Guarded('Commitment.responsiblePerson')
  responsiblePerson(@Root() commitment: Commitment, @Ctx() { loaders }: GraphQLContext) {
    return commitment.responsiblePerson ? loaders.civilServant.load(commitment.responsiblePerson.id) : null;
  }
}
