import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer21 R5: serial objections kept a record disputed for ever. An objection filed to a record whose
 * earlier objection was REJECTED is a renewed one (`renewed`): it is registered and decided like any
 * other, but suspends nothing until an officer admits it on new grounds (`admitted_on`, `admitted_by`,
 * `admission_grounds`; audited ADMIT_OBJECTION). Existing rows are first objections or were filed under
 * the old rule: they stay as they are (renewed false), so no past verdict changes.
 */
export class Migration20261216000000ObjectionRenewal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "objection" add column "renewed" boolean not null default false, add column "admitted_on" date null, add column "admitted_by" varchar(200) null, add column "admission_grounds" text null;`);
    this.addSql(`alter table "objection" add constraint objection_admitted_whole check ((admitted_on is null) = (admitted_by is null) and (admitted_on is null) = (admission_grounds is null) and (admitted_on is null or (renewed and admitted_on >= filed_on)));`);
    this.addSql(`alter type "audit_action" add value if not exists 'ADMIT_OBJECTION';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "objection" drop constraint objection_admitted_whole;`);
    this.addSql(`alter table "objection" drop column "renewed", drop column "admitted_on", drop column "admitted_by", drop column "admission_grounds";`);
  }
}
