import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer24 N10: a subject that withdraws its objection (撤回) could be recorded only as REJECTED, which
 * misstated the outcome and made its next objection renewed (suspending nothing), or left PENDING,
 * suspending the record for ever. WITHDRAWN is its own outcome, with its own history entry. Enum
 * values are only added: no existing row changes, so no past verdict does.
 */
export class Migration20270101000000ObjectionWithdrawn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "objection_status" add value if not exists 'WITHDRAWN';`);
    this.addSql(`alter type "revision_action" add value if not exists 'DISPUTE_WITHDRAWN';`);
  }

  override async down(): Promise<void> {
    // PostgreSQL drops no enum value; rows using it would have nowhere to go.
  }
}
