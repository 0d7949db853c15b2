import { Migration } from '@mikro-orm/migrations';

/**
 * The registry's "one at a time" rules, backed by the database: one pending objection per record,
 * at most one pending or approved repair per record, one open listing per subject and list. The use
 * cases lock the record's row and check first; these indexes refuse what slips past them.
 *
 * Rows written by the race these indexes close would make the index fail to build with a bare
 * "could not create unique index". The checks below stop first and say which rows to decide by hand
 * (they are legal decisions, so the migration does not pick one itself).
 */
export class Migration20261129070000OneLiveDecision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
  if exists (select 1 from "objection" where "status" = 'PENDING' group by "record_id" having count(*) > 1) then
    raise exception 'Some credit records have more than one PENDING objection (select record_id from objection where status = ''PENDING'' group by record_id having count(*) > 1). Decide all but one of each through resolveObjection, then start again.';
  end if;
  if exists (select 1 from "credit_repair" where "status" in ('PENDING', 'APPROVED') group by "record_id" having count(*) > 1) then
    raise exception 'Some credit records have more than one PENDING or APPROVED repair (select record_id from credit_repair where status in (''PENDING'', ''APPROVED'') group by record_id having count(*) > 1). Reject the extra pending ones through decideCreditRepair; duplicate approvals need a correction by the registry''s administrator. Then start again.';
  end if;
  if exists (select 1 from "list_membership" where "removed_on" is null group by "subject_type", "subject_id", "list" having count(*) > 1) then
    raise exception 'Some subjects have more than one open listing on the same list (removed_on is null). Remove the extra ones through removeFromList, then start again.';
  end if;
end $$;`);
    this.addSql(`create unique index "objection_one_pending_per_record" on "objection" ("record_id") where "status" = 'PENDING';`);
    this.addSql(`create unique index "credit_repair_one_live_per_record" on "credit_repair" ("record_id") where "status" in ('PENDING', 'APPROVED');`);
    this.addSql(`create unique index "list_membership_one_open_per_list" on "list_membership" ("subject_type", "subject_id", "list") where "removed_on" is null;`);
  }
}
