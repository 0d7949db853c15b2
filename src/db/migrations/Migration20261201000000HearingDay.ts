import { Migration } from '@mikro-orm/migrations';

/**
 * The hearing day of a court case (开庭之日). 三(八) asks the head to appear in court (出庭应诉): the
 * conduct is the hearing, so an absence is counted by its day. Existing cases have none recorded
 * (null): the filing day stands in for them, as before, until an officer records it with
 * updateCourtCase. The filing day is never later than the hearing, so nothing counts longer than it
 * did.
 */
export class Migration20261201000000HearingDay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "court_case" add column "hearing_on" date null;`);
    this.addSql(`alter table "court_case" add constraint "court_case_hearing_after_filing" check (hearing_on is null or hearing_on >= filed_on);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "court_case" drop constraint "court_case_hearing_after_filing";`);
    this.addSql(`alter table "court_case" drop column "hearing_on";`);
  }
}
