import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { reloadRules } from '../../evaluation/rule-admin.service';
import type { GraphQLContext } from '../context';
import { RuleSetType } from '../types/rule-set.type';

@Resolver(() => RuleSetType)
export class RuleSetResolver {
  @Query(() => RuleSetType, { description: 'The rule set in force: its version, matters and rules, and problems of the files on disk.' })
  ruleSet(@Ctx() context: GraphQLContext): RuleSetType {
    return describeRuleSet(context);
  }

  @Mutation(() => RuleSetType, { description: 'Reloads the rules folder now, in every server process (WEB_CONCURRENCY): a valid change is swapped in; an invalid one keeps the last good set and lists its errors. Answered once every process has the version; RULES_NOT_EVERYWHERE (after the reload is audited) names those that did not take it within 10 s.' })
  @Authorized(PERMISSIONS.manageRules)
  async reloadRules(@Ctx() context: GraphQLContext): Promise<RuleSetType> {
    if (!context.reloader) throw new Error('reloadRules needs the server\'s rules folder');
    await reloadRules(context.em, context.viewer, context.reloader);
    return describeRuleSet(context);
  }
}

function describeRuleSet({ rules, reloader }: GraphQLContext): RuleSetType {
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
      conditions: r.conditions,
      measure: r.event.params.measure,
    })),
    errors: reloader?.errors ?? [],
  };
}
