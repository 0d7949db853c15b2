import { Migration } from '@mikro-orm/migrations';

/** The tables whose rows are never removed: row triggers refuse DELETE, and TRUNCATE fires no row trigger. */
export const KEPT_FOREVER = ['audit_event', 'verdict', 'rule_set_snapshot', 'credit_record', 'credit_record_revision', 'objection', 'credit_repair'] as const;

/**
 * TRUNCATE empties a table without firing its DELETE triggers, so the append-only tables get
 * statement-level TRUNCATE triggers too. Only their owner could drop the trigger: the app's
 * least-privilege role (README "Database roles") cannot.
 */
export class Migration20261129010000NoTruncate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function chengxin_forbid_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'rows of % are never removed; TRUNCATE is refused', tg_table_name
    using errcode = 'restrict_violation';
end $$;`);
    for (const table of KEPT_FOREVER) {
      this.addSql(`create trigger ${table}_no_truncate before truncate on "${table}" for each statement execute function chengxin_forbid_truncate();`);
    }
  }
}
