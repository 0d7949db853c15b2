import { Migration } from '@mikro-orm/migrations';

/**
 * hostile7 F6: an update's audit event names the fields it changed with their old and new values
 * (src/audit/changes.ts) — subjects and commitments keep no history, so the trail is the only
 * record of what they were. Two names and an agency's id already pass 200 characters; the outcome
 * holds 1,000. Widening a varchar rewrites nothing and fires no row trigger (the trail stays
 * append-only).
 */
export class Migration20261204011600AuditChangedFields extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" alter column "outcome" type varchar(1000);`);
  }
}
