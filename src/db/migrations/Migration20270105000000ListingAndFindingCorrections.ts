import { Migration } from '@mikro-orm/migrations';

/**
 * law28: a standing listing's details (listing day, number, listing body) are corrected by
 * correctListing (lawyer24 R3), audited CORRECT_LISTING old → new. No column changes: the listing row
 * is corrected in place and the audit event keeps the old values and the reason, as for a court case.
 */
export class Migration20270105000000ListingAndFindingCorrections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "audit_action" add value if not exists 'CORRECT_LISTING';`);
  }

  override async down(): Promise<void> {
    // An enum value cannot be dropped in PostgreSQL; it stays unused.
  }
}
