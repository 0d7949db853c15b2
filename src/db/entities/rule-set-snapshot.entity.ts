import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The rule files behind a rule-set version, kept the first time a verdict uses it, so that an
 * inspector can read the rules a verdict was made under long after they changed.
 */
@Entity({ tableName: 'rule_set_snapshot' })
export class RuleSetSnapshot {
  @PrimaryKey({ type: 'string', length: 80 })
  version!: string;

  /** Path (relative to the rules folder) → file content. */
  @Property({ type: 'json' })
  files!: Record<string, string>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  firstUsedAt: Opt<Date> = new Date();
}
