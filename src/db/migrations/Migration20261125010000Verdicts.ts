import { Migration } from '@mikro-orm/migrations';

/**
 * Stored verdicts and the rule-set snapshots they were made under. Both are immutable: a trigger
 * refuses UPDATE and DELETE, so a verdict read back is the verdict that was given.
 */
export class Migration20261125010000Verdicts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "verdict_outcome" as enum ('ELIGIBLE', 'CAUTION', 'RESTRICTED', 'DISQUALIFIED');`);
    this.addSql(`create table "rule_set_snapshot" ("version" varchar(80) not null, "files" jsonb not null, "first_used_at" timestamptz not null default now(), constraint "rule_set_snapshot_pkey" primary key ("version"));`);
    this.addSql(`create table "verdict" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_type" "subject_type" not null, "subject_id" uuid not null, "matter" varchar(50) not null, "as_of" timestamptz not null, "day" date not null, "evaluated_at" timestamptz not null, "outcome" "verdict_outcome" not null, "score" double precision null, "rule_set_version" varchar(80) not null, "parameters_file" varchar(200) not null, "facts" jsonb not null, "rules" jsonb not null, "recheck_of" uuid null, constraint "verdict_pkey" primary key ("id"));`);
    this.addSql(`create index "verdict_subject_type_subject_id_matter_evaluated_at_index" on "verdict" ("subject_type", "subject_id", "matter", "evaluated_at");`);

    this.addSql(`create function chengxin_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'rows of % are immutable; evaluate again instead', tg_table_name
    using errcode = 'restrict_violation';
end $$;`);
    for (const table of ['verdict', 'rule_set_snapshot']) {
      this.addSql(`create trigger ${table}_immutable before update or delete on "${table}" for each row execute function chengxin_forbid_change();`);
    }
  }
}
