import { Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * From when to when a rule set was the one in force (hostile21 F7): one row per period, the open
 * one (`servedTo` null) being the set in force now. A swap — a start on changed files, a
 * `reloadRules`, the folder watcher — closes the open period and opens one for the new version,
 * once for the whole server however many processes take it in (src/evaluation/rule-periods.ts), so
 * an inspector can say which version decided on a given day. At most one period is open (a unique
 * partial index).
 */
@Entity({ tableName: 'rule_set_period' })
@Unique({ name: 'rule_set_period_one_open', expression: 'create unique index "rule_set_period_one_open" on "rule_set_period" ((true)) where "served_to" is null' })
@Check({ name: 'rule_set_period_order', expression: 'served_to is null or served_to >= served_from' })
export class RuleSetPeriod {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 80 })
  version!: string;

  @Property({ type: 'timestamptz' })
  @Index({ name: 'rule_set_period_served_from_index' })
  servedFrom!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  servedTo: Date | null = null;

  /** What took it in: `start`, `request` (reloadRules), `watcher` (RULES_WATCH) or `peer` (another server process's reloadRules). */
  @Property({ type: 'string', length: 20 })
  takenInBy!: string;
}
