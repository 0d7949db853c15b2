import { Migration } from '@mikro-orm/migrations';

/** The audit action for a civil servant's personal data read whole (FIELD_READERS `audited`): READ_PERSONAL_DATA. */
export class Migration20261203000000PersonalDataReads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "audit_action" add value if not exists 'READ_PERSONAL_DATA';`);
  }
}
