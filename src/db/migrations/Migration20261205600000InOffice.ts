import { Migration } from '@mikro-orm/migrations';

/**
 * 三(六) (issue 11, lawyer10 W3): a civil servant's breach of contract or administrative violation is a
 * government-dishonesty record (政务失信) only when the act was done in office (履职行为); nothing
 * recorded that, so the award restriction presumed it. Records now carry `in_office`; every existing
 * row is left unrecorded (null): such a record is weighed as personal credit information (三(四)) and
 * grounds no restriction until the fact is recorded (resolveObjection correction.inOffice).
 */
export class Migration20261205600000InOffice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "credit_record" add column "in_office" boolean null;`);
    this.addSql(`alter table "credit_record" add constraint "credit_record_in_office_civil_servant" check (in_office is null or subject_type = 'CIVIL_SERVANT');`);
  }
}
