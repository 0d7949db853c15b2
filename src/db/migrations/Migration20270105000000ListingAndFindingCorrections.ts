import { Migration } from '@mikro-orm/migrations';

/**
 * law28: a standing listing's details (listing day, number, listing body) are corrected by
 * correctListing (lawyer24 R3), audited CORRECT_LISTING old → new. No column changes: the listing row
 * is corrected in place and the audit event keeps the old values and the reason, as for a court case.
 * A unit finding's category, day, body or document likewise by correctFinding (N11), audited CORRECT_FINDING.
 */
export class Migration20270105000000ListingAndFindingCorrections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "audit_action" add value if not exists 'CORRECT_LISTING';`);
    this.addSql(`alter type "audit_action" add value if not exists 'CORRECT_FINDING';`);
    // The once-only guard stays against a second recordAbsenceFinding; a correction (correctFinding, which
    // locks the row and is audited) says so for its own transaction only (set_config local).
    this.addSql(`create or replace function chengxin_absence_finding_once() returns trigger language plpgsql as $$
      begin
        if old.absence_finding is not null and (new.absence_finding, new.absence_found_on, new.absence_found_by, new.absence_finding_document)
            is distinct from (old.absence_finding, old.absence_found_on, old.absence_found_by, old.absence_finding_document)
            and coalesce(current_setting('chengxin.correcting_finding', true), '') <> 'on' then
          raise exception 'an absence finding is recorded once and never changes'
            using errcode = 'check_violation', table = 'court_case', column = 'absence_finding', constraint = 'court_case_absence_finding_once';
        end if;
        return new;
      end $$;`);
  }

  override async down(): Promise<void> {
    // An enum value cannot be dropped in PostgreSQL; it stays unused.
  }
}
