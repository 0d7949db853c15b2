import { Migration } from '@mikro-orm/migrations';

/**
 * The policy model of issue 11: records get the day they were decided (认定/决定之日, from which
 * their periods run; existing rows take their recorded day), repairs say whether they waive or
 * lighten (existing approvals waived), breaches say what was found (existing breaches were treated
 * as 履职不力, so they keep counting), court cases say their kind (a case number with 行 is
 * administrative) and whether an absent head was excused, civil servants whether they are their
 * agency's principal, and subjects get dated list memberships (失信被执行人, 严重违法失信名单).
 */
export class Migration20261129020000ListsAndPeriods extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "credit_record" add column "decided_on" date null;`);
    this.addSql(`update "credit_record" set "decided_on" = "recorded_on";`);
    this.addSql(`alter table "credit_record" alter column "decided_on" set not null;`);
    this.addSql(`alter table "credit_record" add constraint credit_record_decided_after_occurred check (occurred_on <= decided_on);`);

    this.addSql(`create type "repair_relief" as enum ('WAIVE', 'LIGHTEN');`);
    this.addSql(`alter table "credit_repair" add column "relief" "repair_relief" null;`);
    this.addSql(`update "credit_repair" set "relief" = 'WAIVE' where "status" = 'APPROVED';`);

    this.addSql(`create type "breach_finding" as enum ('DERELICTION', 'LAWFUL_CHANGE', 'FORCE_MAJEURE');`);
    this.addSql(`alter table "commitment" add column "breach_finding" "breach_finding" null, add column "settlement_document" varchar(100) null;`);
    this.addSql(`update "commitment" set "breach_finding" = 'DERELICTION' where "status" = 'BREACHED';`);

    this.addSql(`create type "case_kind" as enum ('ADMINISTRATIVE', 'CIVIL', 'OTHER');`);
    this.addSql(`alter table "court_case" add column "kind" "case_kind" not null default 'ADMINISTRATIVE', add column "entrusted_representative" varchar(200) null, add column "valid_absence_reason" text null;`);
    this.addSql(`update "court_case" set "kind" = case when "case_number" like '%行%' then 'ADMINISTRATIVE' when "case_number" like '%民%' then 'CIVIL' else 'OTHER' end::"case_kind";`);

    this.addSql(`alter table "civil_servant" add column "principal" boolean not null default false;`);

    this.addSql(`create type "credit_list" as enum ('JUDGMENT_DEFAULTER', 'SERIOUS_ILLEGAL_DISHONEST');`);
    this.addSql(`create table "list_membership" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_type" "subject_type" not null, "subject_id" uuid not null, "list" "credit_list" not null, "listed_on" date not null, "listed_by" varchar(200) not null, "document_number" varchar(100) not null, "record_id" uuid null, "removed_on" date null, "removed_by" varchar(200) null, "removal_document_number" varchar(100) null, constraint "list_membership_pkey" primary key ("id"), constraint list_membership_dates_in_order check (removed_on is null or removed_on >= listed_on));`);
    this.addSql(`create index "list_membership_subject_type_subject_id_listed_on_index" on "list_membership" ("subject_type", "subject_id", "listed_on");`);
    this.addSql(`create index "list_membership_record_id_index" on "list_membership" ("record_id");`);
    this.addSql(`alter table "list_membership" add constraint "list_membership_record_id_foreign" foreign key ("record_id") references "credit_record" ("id") on update cascade on delete restrict;`);
    // Never deleted, like records: removal is a date, and the history of listings stays.
    this.addSql(`create trigger list_membership_no_delete before delete on "list_membership" for each row execute function chengxin_forbid_delete();`);
    this.addSql(`create trigger list_membership_no_truncate before truncate on "list_membership" for each statement execute function chengxin_forbid_truncate();`);

    this.addSql(`alter type "audit_action" add value if not exists 'LIST_SUBJECT';`);
    this.addSql(`alter type "audit_action" add value if not exists 'REMOVE_FROM_LIST';`);
  }
}
