import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer13 W2: a principal's terms keep their history (src/db/entities/principal-term.entity.ts). Until
 * now the civil servant row held only the current tenure, so ending it forgot it, and a finding that a
 * former principal caused the agency's dishonesty in their term (三(六)) was refused. Each sitting
 * principal whose day of taking office is recorded gets an open term from that day; principals
 * registered without that day get none (nothing is attributed to them until it is recorded, as before).
 * Terms ended before this ran survive only in the audit trail and are not reconstructed from it.
 */
export class Migration20261208400000PrincipalTerms extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "principal_term" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "servant_id" uuid not null, "agency_id" uuid not null, "started_on" date not null, "ended_on" date null, constraint "principal_term_pkey" primary key ("id"), constraint principal_term_dates_in_order check (ended_on is null or ended_on >= started_on));`);
    this.addSql(`create index "principal_term_agency_id_started_on_index" on "principal_term" ("agency_id", "started_on");`);
    this.addSql(`create index "principal_term_servant_id_started_on_index" on "principal_term" ("servant_id", "started_on");`);
    this.addSql(`create unique index "principal_term_one_open" on "principal_term" ("servant_id") where "ended_on" is null;`);
    this.addSql(`alter table "principal_term" add constraint "principal_term_servant_id_foreign" foreign key ("servant_id") references "civil_servant" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "principal_term" add constraint "principal_term_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`insert into "principal_term" ("id", "created_at", "updated_at", "servant_id", "agency_id", "started_on")
      select gen_random_uuid(), "updated_at", "updated_at", "id", "agency_id", "principal_since" from "civil_servant" where "principal" and "principal_since" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "principal_term";`);
  }
}
