import { Migration } from '@mikro-orm/migrations';

/** The append-only audit trail: a trigger refuses UPDATE and DELETE. */
export class Migration20261125020000AuditTrail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "audit_action" as enum ('EVALUATE', 'RECHECK', 'READ_EXPLANATION', 'REGISTER_SUBJECT', 'UPDATE_SUBJECT', 'CREATE_RECORD', 'FILE_OBJECTION', 'DECIDE_OBJECTION', 'REQUEST_REPAIR', 'DECIDE_REPAIR', 'RECORD_COMMITMENT', 'SETTLE_COMMITMENT', 'RECORD_COURT_CASE', 'UPDATE_COURT_CASE', 'RELOAD_RULES', 'PREVIEW_RULES');`);
    this.addSql(`create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "actor" varchar(200) not null, "role" varchar(20) not null, "action" "audit_action" not null, "subject_type" "subject_type" null, "subject_id" uuid null, "target_id" uuid null, "outcome" varchar(200) not null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_created_at_index" on "audit_event" ("created_at");`);
    this.addSql(`create index "audit_event_subject_type_subject_id_index" on "audit_event" ("subject_type", "subject_id");`);
    this.addSql(`create trigger audit_event_immutable before update or delete on "audit_event" for each row execute function chengxin_forbid_change();`);
  }
}
