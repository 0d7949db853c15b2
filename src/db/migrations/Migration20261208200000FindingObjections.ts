import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 W3: a unit can object to a finding against it — the 履职不力 finding on a breached
 * commitment (四(四)) and the finding that its head was absent from a hearing without valid reason
 * (三(八)) — as persons and enterprises object to their records (三(七) 健全信用信息异议处理制度).
 * A table, finding_objection, rather than columns on the findings: a finding may be objected to
 * again after a rejection, each objection keeps who filed it, why and what was decided, and a past
 * as-of must see the dispute as it stood then. The findings' rows get their current state
 * (disputed, revoked on) so that every objection changes the row a verdict's digest covers.
 * Nothing existing changes: no finding had an objection.
 */
export class Migration20261208200000FindingObjections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "unit_finding_kind" as enum ('COMMITMENT_DERELICTION', 'COURT_ABSENCE');`);
    this.addSql(`create table "finding_objection" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "finding" "unit_finding_kind" not null, "agency_id" uuid not null, "commitment_id" uuid null, "court_case_id" uuid null, "filed_by" varchar(200) not null, "reason" text not null, "filed_on" date not null, "status" "objection_status" not null default 'PENDING', "resolution" text null, "resolved_on" date null, constraint "finding_objection_pkey" primary key ("id"), constraint finding_objection_one_finding check ((finding = 'COMMITMENT_DERELICTION' and commitment_id is not null and court_case_id is null) or (finding = 'COURT_ABSENCE' and court_case_id is not null and commitment_id is null)), constraint finding_objection_decided_whole check ((status = 'PENDING') = (resolved_on is null) and (resolved_on is null or resolved_on >= filed_on)));`);
    this.addSql(`create index "finding_objection_agency_id_index" on "finding_objection" ("agency_id");`);
    this.addSql(`create unique index "finding_objection_one_pending_per_commitment" on "finding_objection" ("commitment_id") where "status" = 'PENDING';`);
    this.addSql(`create unique index "finding_objection_one_pending_per_court_case" on "finding_objection" ("court_case_id") where "status" = 'PENDING';`);
    this.addSql(`alter table "finding_objection" add constraint "finding_objection_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "finding_objection" add constraint "finding_objection_commitment_id_foreign" foreign key ("commitment_id") references "commitment" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "finding_objection" add constraint "finding_objection_court_case_id_foreign" foreign key ("court_case_id") references "court_case" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commitment" add column "breach_finding_disputed" boolean not null default false, add column "breach_finding_revoked_on" date null;`);
    this.addSql(`alter table "court_case" add column "absence_finding_disputed" boolean not null default false, add column "absence_finding_revoked_on" date null;`);
    this.addSql(`alter type "audit_action" add value if not exists 'FILE_FINDING_OBJECTION';`);
    this.addSql(`alter type "audit_action" add value if not exists 'DECIDE_FINDING_OBJECTION';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "finding_objection";`);
    this.addSql(`drop type "unit_finding_kind";`);
    this.addSql(`alter table "commitment" drop column "breach_finding_disputed", drop column "breach_finding_revoked_on";`);
    this.addSql(`alter table "court_case" drop column "absence_finding_disputed", drop column "absence_finding_revoked_on";`);
  }
}
