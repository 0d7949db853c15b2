import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { AuditAction } from '../../domain/audit';
import { audited } from '../audited';
import type { GraphQLContext } from '../context';
import { RuleSetType } from '../types/rule-set.type';

@Resolver(() => RuleSetType)
export class RuleSetResolver {
  @Query(() => RuleSetType, { description: 'The rule set in force: its version, matters and rules, and problems of the files on disk.' })
  ruleSet(@Ctx() context: GraphQLContext): RuleSetType {
    return describeRuleSet(context);
  }

  @Mutation(() => RuleSetType, { description: 'Reloads the rules folder now: a valid change is swapped in; an invalid one keeps the last good set and lists its errors.' })
  @Authorized(PERMISSIONS.manageRules)
  reloadRules(@Ctx() context: GraphQLContext): Promise<RuleSetType> {
    const reload = async () => context.reloader?.reload();
    const outcome = (r: Awaited<ReturnType<typeof reload>>) => (r?.errors.length ? `kept ${r.version}: ${r.errors.length} error(s)` : `in force: ${context.rules.current.version}`);
    return audited(context, AuditAction.RELOAD_RULES, reload, (r) => ({ outcome: outcome(r) })).then(() => describeRuleSet(context));
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
