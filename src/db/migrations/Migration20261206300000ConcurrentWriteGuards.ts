import { Migration } from '@mikro-orm/migrations';

/**
 * hostile9 F1, F2, F4: guards in the database for what the use cases check, so that neither a race
 * between two requests nor a statement outside the API can break them.
 *
 * - F2: an agency's parent is never the agency itself or one of its descendants. Two re-parentings
 *   (X under Y, Y under X) each checked their own snapshot and made a cycle, which later hung the
 *   server's walk up the tree. The trigger serialises re-parentings on one advisory lock (the same
 *   key the use case takes first) and then walks up from the new parent, reading what the other
 *   committed; UNION (not UNION ALL) ends the walk even on a cycle already in the data.
 * - F1: an absence finding (三(八)) is recorded once: once set, it and its day, body and document
 *   never change. No API path corrects a finding.
 * - F4: two listings of one subject on one list never overlap ([listedOn, removedOn), the removal
 *   day being the first day off the list). Checked on insert and when a listing's period grows, so
 *   a removal is still possible on data written before this check; a trigger rather than an
 *   exclusion constraint for the same reason (such data would stop the migration).
 */
export const AGENCY_PARENT_LOCK = 740_206_300;

export class Migration20261206300000ConcurrentWriteGuards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function chengxin_agency_parent_not_descendant() returns trigger language plpgsql as $$
      begin
        if new.parent_id is null then return new; end if;
        perform pg_advisory_xact_lock(${AGENCY_PARENT_LOCK});
        if exists (
          with recursive up(id, parent_id) as (
            select id, parent_id from agency where id = new.parent_id
            union
            select a.id, a.parent_id from agency a join up on a.id = up.parent_id
          )
          select 1 from up where id = new.id
        ) or new.parent_id = new.id then
          raise exception 'an agency''s parent may not be the agency itself or one of its descendants'
            using errcode = 'check_violation', table = 'agency', column = 'parent_id', constraint = 'agency_parent_not_descendant';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger agency_parent_not_descendant before insert or update of parent_id on "agency" for each row execute function chengxin_agency_parent_not_descendant();`);

    this.addSql(`create function chengxin_absence_finding_once() returns trigger language plpgsql as $$
      begin
        if old.absence_finding is not null and (new.absence_finding, new.absence_found_on, new.absence_found_by, new.absence_finding_document)
            is distinct from (old.absence_finding, old.absence_found_on, old.absence_found_by, old.absence_finding_document) then
          raise exception 'an absence finding is recorded once and never changes'
            using errcode = 'check_violation', table = 'court_case', column = 'absence_finding', constraint = 'court_case_absence_finding_once';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger court_case_absence_finding_once before update on "court_case" for each row execute function chengxin_absence_finding_once();`);

    this.addSql(`create function chengxin_listings_do_not_overlap() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and daterange(old.listed_on, old.removed_on, '[)') @> daterange(new.listed_on, new.removed_on, '[)') then return new; end if;
        -- One subject's listings on one list are checked one transaction at a time.
        perform pg_advisory_xact_lock(hashtextextended(new.subject_id::text || ':' || new.list::text, 0));
        if exists (
          select 1 from list_membership o
          where o.subject_type = new.subject_type and o.subject_id = new.subject_id and o.list = new.list and o.id <> new.id
            and daterange(o.listed_on, o.removed_on, '[)') && daterange(new.listed_on, new.removed_on, '[)')
        ) then
          raise exception 'two listings of one subject on one list may not overlap'
            using errcode = 'check_violation', table = 'list_membership', column = 'listed_on', constraint = 'list_membership_no_overlap';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger list_membership_no_overlap before insert or update of listed_on, removed_on on "list_membership" for each row execute function chengxin_listings_do_not_overlap();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger list_membership_no_overlap on "list_membership";`);
    this.addSql(`drop function chengxin_listings_do_not_overlap();`);
    this.addSql(`drop trigger court_case_absence_finding_once on "court_case";`);
    this.addSql(`drop function chengxin_absence_finding_once();`);
    this.addSql(`drop trigger agency_parent_not_descendant on "agency";`);
    this.addSql(`drop function chengxin_agency_parent_not_descendant();`);
  }
}
