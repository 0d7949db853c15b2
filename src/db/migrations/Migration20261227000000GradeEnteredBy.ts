import { Migration } from '@mikro-orm/migrations';

/**
 * hostile29 F10: the second person who withdraws an older grade (correctGradeHistory, OFFICER) is a
 * person other than whoever entered the grade, so a grade keeps who entered it (the token's `sub`), as
 * objections and repair applications do. Grades entered before this have none and are not checked
 * (README "Erasable history"): the audit trail names the enterprise, not the grade row.
 */
export class Migration20261227000000GradeEnteredBy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "enterprise_credit_grade" add column "entered_by" varchar(200) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "enterprise_credit_grade" drop column "entered_by";`);
  }
}
