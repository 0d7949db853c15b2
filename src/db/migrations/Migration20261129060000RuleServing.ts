import { Migration } from '@mikro-orm/migrations';

/**
 * A verdict can say that no rule of its matter was in force on the day, rather than "eligible"; and a
 * stored rule set remembers when it last served, so a restart on a broken rules folder can fall back
 * to the last good set.
 */
export class Migration20261129060000RuleServing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "verdict_outcome" add value if not exists 'NO_RULE_IN_FORCE';`);
    this.addSql(`alter table "rule_set_snapshot" add column "last_served_at" timestamptz null;`);
  }
}
