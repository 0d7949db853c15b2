import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { RuleSetType } from '../types/rule-set.type';

@Resolver(() => RuleSetType)
export class RuleSetResolver {
  @Query(() => RuleSetType, { description: 'The rule set in force: its version, matters and rules.' })
  ruleSet(@Ctx() { rules }: GraphQLContext): RuleSetType {
    const current = rules.current;
    return {
      version: current.version,
      loadedAt: current.loadedAt,
      matters: current.matters,
      rules: current.rules.map((r) => ({
        id: r.id,
        file: r.file,
        title: r.title,
        subjectType: r.subjectType,
        matters: r.matters,
        basis: r.basis,
        effect: r.event.type,
        effectiveFrom: r.effective.from,
        effectiveTo: r.effective.to ?? null,
      })),
    };
  }
}
