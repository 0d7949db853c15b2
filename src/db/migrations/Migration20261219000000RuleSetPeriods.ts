import { Migration } from '@mikro-orm/migrations';

/**
 * hostile21 F7: `rule_set_service` keeps only each version's last time in service, so the database
 * could not say from when to when a version decided verdicts. `rule_set_period` keeps every period
 * a version was in force (src/db/entities/rule-set-period.entity.ts); at most one is open.
 *
 * A database from before starts with one open period for the set that served last, from its
 * `last_served_at`: the earliest moment known for it (it may have served from earlier; nothing on
 * file says). Earlier versions get no period rather than a made-up one.
 */
export class Migration20261219000000RuleSetPeriods extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "rule_set_period" ("id" serial primary key, "version" varchar(80) not null, "served_from" timestamptz not null, "served_to" timestamptz null, "taken_in_by" varchar(20) not null, constraint "rule_set_period_order" check (served_to is null or served_to >= served_from));`);
    this.addSql(`create unique index "rule_set_period_one_open" on "rule_set_period" ((true)) where "served_to" is null;`);
    this.addSql(`create index "rule_set_period_served_from_index" on "rule_set_period" ("served_from");`);
    this.addSql(`insert into "rule_set_period" ("version", "served_from", "taken_in_by")
      select "version", "last_served_at", 'start' from "rule_set_service" order by "last_served_at" desc limit 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "rule_set_period";`);
  }
}
