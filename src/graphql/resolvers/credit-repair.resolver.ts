import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { CreditRepair } from '../../db/entities';
import { decideCreditRepair, requestCreditRepair } from '../../registry/credit-repair.service';
import { findOrFail } from '../../registry/lookup';
import type { GraphQLContext } from '../context';
import { DecideCreditRepairInput, RequestCreditRepairInput } from '../inputs/record.input';
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

  @Mutation(() => CreditRepairType, { description: "Approves or rejects a pending repair; an approval enters the record's history." })
  @Authorized(PERMISSIONS.decide)
  decideCreditRepair(@Arg('input', () => DecideCreditRepairInput) input: DecideCreditRepairInput, @Ctx() context: GraphQLContext) {
    return decideCreditRepair(context.em, context.viewer, input);
  }

  @FieldResolver(() => CreditRecordType)
  record(@Root() repair: CreditRepair, @Ctx() { loaders }: GraphQLContext) {
    return loaders.creditRecord.load(repair.record.id);
  }
}
