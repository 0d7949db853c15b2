import { Migration } from '@mikro-orm/migrations';

/**
 * The foundation schema: subjects, credit records with their history, commitments, court cases,
 * objections and credit repairs. Records, their history, objections and repairs are append-only:
 * a trigger refuses DELETE on them, so "never silently deleted" holds even outside the API.
 */
export class Migration20261125000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "agency_level" as enum ('CITY', 'DISTRICT', 'DEVELOPMENT_ZONE', 'STREET', 'TOWNSHIP');`);
    this.addSql(`create type "commitment_kind" as enum ('SERVICE_QUALITY', 'DEADLINE', 'GUARANTEE');`);
    this.addSql(`create type "commitment_status" as enum ('PENDING', 'FULFILLED', 'BREACHED');`);
    this.addSql(`create type "subject_type" as enum ('AGENCY', 'CIVIL_SERVANT', 'ENTERPRISE');`);
    this.addSql(`create type "record_kind" as enum ('DISHONEST', 'TRUSTWORTHY');`);
    this.addSql(`create type "record_category" as enum ('BREACH_OF_CONTRACT', 'JUDGMENT_DEFAULTER', 'UNFULFILLED_COMMITMENT', 'FAILURE_TO_APPEAR', 'SERIOUS_ILLEGAL_DISHONEST', 'ADMINISTRATIVE_VIOLATION', 'COMMENDATION', 'COMMITMENT_HONOURED');`);
    this.addSql(`create type "severity" as enum ('GENERAL', 'MAJOR', 'SEVERE');`);
    this.addSql(`create type "record_status" as enum ('ACTIVE', 'DISPUTED', 'REVOKED');`);
    this.addSql(`create type "revision_action" as enum ('CREATED', 'DISPUTED', 'DISPUTE_REJECTED', 'CORRECTED', 'REVOKED', 'REPAIRED');`);
    this.addSql(`create type "repair_action" as enum ('RECOVERED_LOSS', 'ELIMINATED_EFFECT', 'PREVENTED_HARM');`);
    this.addSql(`create type "repair_status" as enum ('PENDING', 'APPROVED', 'REJECTED');`);
    this.addSql(`create type "credit_grade" as enum ('A', 'B', 'C', 'D');`);
    this.addSql(`create type "objection_status" as enum ('PENDING', 'UPHELD', 'REJECTED');`);
    this.addSql(`create type "objection_remedy" as enum ('CORRECT', 'REVOKE');`);
    this.addSql(`create table "agency" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "uscc" varchar(18) not null, "name" varchar(200) not null, "level" "agency_level" not null, "parent_id" uuid null, constraint "agency_pkey" primary key ("id"));`);
    this.addSql(`alter table "agency" add constraint "agency_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "agency_name_index" on "agency" ("name");`);
    this.addSql(`create index "agency_parent_id_index" on "agency" ("parent_id");`);
    this.addSql(`create table "civil_servant" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "id_card_number" varchar(18) not null, "name" varchar(100) not null, "agency_id" uuid not null, "post" varchar(100) not null, "rank" varchar(100) not null, "leading_cadre" boolean not null default false, constraint "civil_servant_pkey" primary key ("id"));`);
    this.addSql(`alter table "civil_servant" add constraint "civil_servant_id_card_number_unique" unique ("id_card_number");`);
    this.addSql(`create index "civil_servant_name_index" on "civil_servant" ("name");`);
    this.addSql(`create index "civil_servant_agency_id_index" on "civil_servant" ("agency_id");`);
    this.addSql(`create table "commitment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "responsible_person_id" uuid null, "kind" "commitment_kind" not null, "content" text not null, "published_on" date not null, "due_on" date not null, "status" "commitment_status" not null default 'PENDING', "settled_on" date null, constraint "commitment_pkey" primary key ("id"), constraint commitment_dates_in_order check (published_on <= due_on));`);
    this.addSql(`create index "commitment_agency_id_index" on "commitment" ("agency_id");`);
    this.addSql(`create index "commitment_responsible_person_id_index" on "commitment" ("responsible_person_id");`);
    this.addSql(`create table "court_case" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "case_number" varchar(100) not null, "court" varchar(200) not null, "filed_on" date not null, "head_appeared" boolean null, "judgment_defaulter" boolean not null default false, "defaulter_listed_on" date null, "defaulter_removed_on" date null, constraint "court_case_pkey" primary key ("id"));`);
    this.addSql(`create index "court_case_agency_id_index" on "court_case" ("agency_id");`);
    this.addSql(`alter table "court_case" add constraint "court_case_case_number_unique" unique ("case_number");`);
    this.addSql(`create table "credit_record" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_type" "subject_type" not null, "subject_id" uuid not null, "kind" "record_kind" not null, "category" "record_category" not null, "severity" "severity" null, "summary" text not null, "occurred_on" date not null, "recorded_on" date not null, "disclosure_ends_on" date null, "source_department" varchar(200) not null, "document_number" varchar(100) not null, "loss" numeric(16,2) null, "status" "record_status" not null default 'ACTIVE', "version" int not null default 1, constraint "credit_record_pkey" primary key ("id"), constraint credit_record_severity_for_dishonesty check ((kind = 'DISHONEST') = (severity is not null)), constraint credit_record_dates_in_order check (occurred_on <= recorded_on and (disclosure_ends_on is null or disclosure_ends_on >= occurred_on)));`);
    this.addSql(`create index "credit_record_subject_type_subject_id_occurred_on_index" on "credit_record" ("subject_type", "subject_id", "occurred_on");`);
    this.addSql(`create table "credit_record_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "record_id" uuid not null, "action" "revision_action" not null, "version" int not null, "reason" text null, "cause_id" uuid null, "snapshot" jsonb not null, constraint "credit_record_revision_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_record_revision_record_id_index" on "credit_record_revision" ("record_id");`);
    this.addSql(`create table "credit_repair" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "record_id" uuid not null, "actions" "repair_action"[] not null, "description" text not null, "applied_on" date not null, "status" "repair_status" not null default 'PENDING', "decided_on" date null, "decision_note" text null, constraint "credit_repair_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_repair_record_id_index" on "credit_repair" ("record_id");`);
    this.addSql(`create table "enterprise" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "uscc" varchar(18) not null, "name" varchar(200) not null, "credit_grade" "credit_grade" null, "graded_on" date null, constraint "enterprise_pkey" primary key ("id"));`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "enterprise_name_index" on "enterprise" ("name");`);
    this.addSql(`create table "objection" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "record_id" uuid not null, "filed_by" varchar(200) not null, "reason" text not null, "filed_on" date not null, "status" "objection_status" not null default 'PENDING', "remedy" "objection_remedy" null, "resolution" text null, "resolved_on" date null, constraint "objection_pkey" primary key ("id"));`);
    this.addSql(`create index "objection_record_id_index" on "objection" ("record_id");`);
    this.addSql(`alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "civil_servant" add constraint "civil_servant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commitment" add constraint "commitment_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commitment" add constraint "commitment_responsible_person_id_foreign" foreign key ("responsible_person_id") references "civil_servant" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "court_case" add constraint "court_case_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_record_revision" add constraint "credit_record_revision_record_id_foreign" foreign key ("record_id") references "credit_record" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_repair" add constraint "credit_repair_record_id_foreign" foreign key ("record_id") references "credit_record" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "objection" add constraint "objection_record_id_foreign" foreign key ("record_id") references "credit_record" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function chengxin_forbid_delete() returns trigger language plpgsql as $$
begin
  raise exception 'rows of % are never deleted; revoke or correct them instead', tg_table_name
    using errcode = 'restrict_violation';
end $$;`);
    for (const table of ['credit_record', 'credit_record_revision', 'objection', 'credit_repair']) {
      this.addSql(`create trigger ${table}_no_delete before delete on "${table}" for each row execute function chengxin_forbid_delete();`);
    }
  }
}
