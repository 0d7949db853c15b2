import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer13 R8: a decision on an objection, a unit's finding objection or a credit repair keeps the
 * body that made it (decided_by) and its document number (document_number, 文号), both optional.
 * Rows decided before stay null: who decided them and by which document was never recorded, and
 * nothing on file says it.
 */
export class Migration20261210000000DecidingBodies extends Migration {
  override async up(): Promise<void> {
    for (const table of ['objection', 'finding_objection', 'credit_repair']) {
      this.addSql(`alter table "${table}" add column "decided_by" varchar(100) null, add column "document_number" varchar(100) null;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['objection', 'finding_objection', 'credit_repair']) {
      this.addSql(`alter table "${table}" drop column "decided_by", drop column "document_number";`);
    }
  }
}
