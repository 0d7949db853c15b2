import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { CreditRepair } from '../../db/entities';
import { decideCreditRepair, requestCreditRepair, stateRepairRelief } from '../../registry/credit-repair.service';
import { findOrFail } from '../../db/repositories/lookup';
import { lightenReachOn } from '../../registry/lighten-reach';
import type { GraphQLContext } from '../context';
import { DecideCreditRepairInput, RequestCreditRepairInput, StateRepairReliefInput } from '../inputs/record.input';
import { CreditRecordType } from '../types/credit-record.type';
import { CreditRepairType } from '../types/credit-repair.type';

@Resolver(() => CreditRepairType)
export class CreditRepairResolver {
  @Query(() => CreditRepairType, { nullable: true, description: 'One credit repair by id; NOT_FOUND when there is none.' })
  @Authorized(PERMISSIONS.readHistory)
  creditRepair(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext) {
    return findOrFail(em, CreditRepair, 'credit repair', id);
  }

  @Mutation(() => CreditRepairType, { description: 'Applies for credit repair (信用修复) of one dishonesty record.' })
  @Authorized(PERMISSIONS.writeRegistry)
  requestCreditRepair(@Arg('input', () => RequestCreditRepairInput) input: RequestCreditRepairInput, @Ctx() context: GraphQLContext) {
    return requestCreditRepair(context.em, context.viewer, input);
  }

  @Mutation(() => CreditRepairType, { description: "Approves or rejects a pending repair; an approval enters the record's history. An approval dated before today of a record on record before today rewrites past days: only ADMIN may enter it (FORBIDDEN, reason SECOND_PERSON_REQUIRED, field decidedOn; README \"Erasable history\"). The person who entered the application may not decide it." })
  @Authorized(PERMISSIONS.decide)
  decideCreditRepair(@Arg('input', () => DecideCreditRepairInput) input: DecideCreditRepairInput, @Ctx() context: GraphQLContext) {
    return decideCreditRepair(context.em, context.viewer, input, lightenReachOn(context.rules.current, input.decidedOn));
  }

  @Mutation(() => CreditRepairType, { description: '补充写明救济方式：批准机关写明一项批准时未写明救济方式的信用修复（reliefStated 为 false）所给予的救济，自批准之日起适用；已写明的不再写明（CONFLICT）。 / The approving body states the relief of an approval recorded without one (reliefStated false); it holds from the approval day, and verdicts resting on the repair say when and by which document it was stated. A relief already stated is refused (CONFLICT); a relief other than the one recorded takes ADMIN (FORBIDDEN, SECOND_PERSON_REQUIRED, field relief). Same role as decideCreditRepair; audited (STATE_REPAIR_RELIEF).' })
  @Authorized(PERMISSIONS.decide)
  stateRepairRelief(@Arg('input', () => StateRepairReliefInput) input: StateRepairReliefInput, @Ctx() context: GraphQLContext) {
    return stateRepairRelief(context.em, context.viewer, input, lightenReachOn(context.rules.current, input.statedOn));
  }

  @FieldResolver(() => CreditRecordType)
  record(@Root() repair: CreditRepair, @Ctx() { loaders }: GraphQLContext) {
    return loaders.creditRecord.load(repair.record.id);
  }
}
