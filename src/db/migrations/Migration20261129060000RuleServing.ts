import { Migration } from '@mikro-orm/migrations';

/**
 * A verdict can say that no rule of its matter was in force on the day, rather than "eligible"; and a
 * stored rule set's last time in service is kept (beside the immutable snapshots), so a restart on a
 * broken rules folder can fall back to the last good set.
 */
export class Migration20261129060000RuleServing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "verdict_outcome" add value if not exists 'NO_RULE_IN_FORCE';`);
    this.addSql(`create table "rule_set_service" ("version" varchar(80) not null, "last_served_at" timestamptz not null, constraint "rule_set_service_pkey" primary key ("version"));`);
  }
}
