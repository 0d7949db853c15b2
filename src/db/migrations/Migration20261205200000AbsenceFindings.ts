import { Migration } from '@mikro-orm/migrations';

/**
 * 三(八) (issue 11, lawyer10 W1): an absence of the head from a hearing counted as one "without valid
 * reason" as soon as it was registered (headAppeared false), unless a representative and a reason had
 * both been typed in. Nobody had examined it. Each absence now carries a finding (UNEXCUSED / EXCUSED)
 * with the body, day and document that made it; only UNEXCUSED counts. Every existing absence is left
 * unreviewed (null): it counts for nothing until the finding is recorded (recordAbsenceFinding), and
 * the verdict says how many were left out so.
 */
export class Migration20261205200000AbsenceFindings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "absence_finding" as enum ('UNEXCUSED', 'EXCUSED');`);
    this.addSql(`alter table "court_case" add column "absence_finding" "absence_finding" null, add column "absence_found_on" date null, add column "absence_found_by" varchar(200) null, add column "absence_finding_document" varchar(100) null;`);
    this.addSql(`alter table "court_case" add constraint "court_case_absence_finding_whole" check ((absence_finding is null) = (absence_found_on is null) and (absence_finding is null or (head_appeared = false and absence_found_by is not null and absence_finding_document is not null)));`);
    this.addSql(`alter type "audit_action" add value if not exists 'RECORD_ABSENCE_FINDING';`);
  }
}
