import { Migration } from '@mikro-orm/migrations';

/**
 * hostile13 F5: who entered an objection (to a record or to a unit's finding) or a repair application (the token's `sub`) is kept, so that
 * person cannot also uphold or approve it (src/registry/second-person.ts). Rows entered before stay
 * null and are not checked: the audit trail names their actor, but ties it to the record, not to the
 * objection or repair, and guessing the match would be worse than not checking.
 */
export class Migration20261208400100RequestsEnteredBy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "objection" add column "entered_by" varchar(200) null;`);
    this.addSql(`alter table "credit_repair" add column "entered_by" varchar(200) null;`);
    this.addSql(`alter table "finding_objection" add column "entered_by" varchar(200) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "finding_objection" drop column "entered_by";`);
    this.addSql(`alter table "objection" drop column "entered_by";`);
    this.addSql(`alter table "credit_repair" drop column "entered_by";`);
  }
}
