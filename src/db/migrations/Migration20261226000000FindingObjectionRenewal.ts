import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer23 R4: a unit re-filing its objection after each rejection kept a 履职不力 or absence finding
 * (and every 四(四) entry resting on it) disputed for ever. Finding objections take the record
 * objections' bound (Migration20261216000000ObjectionRenewal, src/domain/objection-stay.ts): one filed
 * after an earlier objection to the same finding was REJECTED is `renewed`, registered and decided as
 * any other, but suspends nothing until an officer admits it on new grounds (`admitted_on`,
 * `admitted_by`, `admission_grounds`; audited ADMIT_FINDING_OBJECTION). Existing rows stay as they are
 * (renewed false), so no past verdict changes.
 */
export class Migration20261226000000FindingObjectionRenewal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "finding_objection" add column "renewed" boolean not null default false, add column "admitted_on" date null, add column "admitted_by" varchar(200) null, add column "admission_grounds" text null;`);
    this.addSql(`alter table "finding_objection" add constraint finding_objection_admitted_whole check ((admitted_on is null) = (admitted_by is null) and (admitted_on is null) = (admission_grounds is null) and (admitted_on is null or (renewed and admitted_on >= filed_on)));`);
    this.addSql(`alter type "audit_action" add value if not exists 'ADMIT_FINDING_OBJECTION';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "finding_objection" drop constraint finding_objection_admitted_whole;`);
    this.addSql(`alter table "finding_objection" drop column "renewed", drop column "admitted_on", drop column "admitted_by", drop column "admission_grounds";`);
  }
}
