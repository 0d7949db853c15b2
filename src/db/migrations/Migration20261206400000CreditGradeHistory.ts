import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 10: an enterprise's credit grade keeps its history (src/domain/credit-grade.ts). Until now the
 * enterprise row held one grade and a new grade or a cleared one overwrote it, so a past as-of
 * evaluation saw today's grade. Each enterprise's current grade is copied into the history as the
 * open grade, held from its `graded_on`; nothing is deleted, and the enterprise's `credit_grade` and
 * `graded_on` stay as its current grade. Grades overwritten before this ran survive only in the
 * audit trail's UPDATE_SUBJECT outcomes and are not reconstructed from them (those texts were
 * written for people, and a cleared grade's trail does not say whether it was withdrawn or wrong).
 */
export class Migration20261206400000CreditGradeHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "credit_grade_end" as enum ('REPLACED', 'WITHDRAWN', 'ENTERED_IN_ERROR');`);
    this.addSql(`create table "enterprise_credit_grade" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" uuid not null, "grade" "credit_grade" not null, "graded_on" date not null, "ended_on" date null, "end_reason" "credit_grade_end" null, constraint "enterprise_credit_grade_pkey" primary key ("id"), constraint enterprise_credit_grade_ended_with_reason check ((ended_on is null) = (end_reason is null) or end_reason = 'ENTERED_IN_ERROR'), constraint enterprise_credit_grade_dates_in_order check (ended_on is null or ended_on >= graded_on));`);
    this.addSql(`create index "enterprise_credit_grade_enterprise_id_graded_on_index" on "enterprise_credit_grade" ("enterprise_id", "graded_on");`);
    this.addSql(`create unique index "enterprise_credit_grade_one_open" on "enterprise_credit_grade" ("enterprise_id") where "end_reason" is null;`);
    this.addSql(`alter table "enterprise_credit_grade" add constraint "enterprise_credit_grade_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    // The current grades, as the open entries; their creation time is the enterprise row's last change.
    this.addSql(`insert into "enterprise_credit_grade" ("id", "created_at", "updated_at", "enterprise_id", "grade", "graded_on")
      select gen_random_uuid(), "updated_at", "updated_at", "id", "credit_grade", "graded_on" from "enterprise" where "credit_grade" is not null and "graded_on" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "enterprise_credit_grade";`);
    this.addSql(`drop type "credit_grade_end";`);
  }
}
