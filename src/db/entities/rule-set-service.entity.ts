import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * When each stored rule set last went into service (at a start, or swapped in by a reload). Kept
 * apart from the snapshots, which are immutable: a restart on a broken rules folder falls back to
 * the set that served last.
 */
@Entity({ tableName: 'rule_set_service' })
export class RuleSetService {
  @PrimaryKey({ type: 'string', length: 80 })
  version!: string;

  @Property({ type: 'timestamptz' })
  lastServedAt!: Date;
}
