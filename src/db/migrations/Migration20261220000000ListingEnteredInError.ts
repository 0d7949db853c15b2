import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer22 W2: a listing registered here against the wrong subject (or otherwise entered in error) is
 * withdrawn as ENTERED_IN_ERROR (withdrawListing, 三(七) “经核实有误的信息应及时更正或撤销”): it then
 * counts on no day, past days included, and stays in the history with who, when and why. A withdrawn
 * listing is no open listing and overlaps nothing, so the subject's true listing can be entered in its
 * place: the one-open index and the no-overlap trigger leave withdrawn rows out. Existing rows are not
 * withdrawn, so no past verdict changes.
 */
export class Migration20261220000000ListingEnteredInError extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "list_membership" add column "entered_in_error_at" timestamptz null, add column "entered_in_error_by" varchar(200) null, add column "entered_in_error_reason" text null, add column "entered_in_error_document_number" varchar(100) null;`);
    this.addSql(`alter table "list_membership" add constraint list_membership_entered_in_error_whole check ((entered_in_error_at is null) = (entered_in_error_by is null) and (entered_in_error_at is null) = (entered_in_error_reason is null) and (entered_in_error_document_number is null or entered_in_error_at is not null));`);
    this.addSql(`drop index "list_membership_one_open_per_list";`);
    this.addSql(`create unique index "list_membership_one_open_per_list" on "list_membership" ("subject_type", "subject_id", "list") where "removed_on" is null and "entered_in_error_at" is null;`);
    this.addSql(`create or replace function chengxin_listings_do_not_overlap() returns trigger language plpgsql as $$
      begin
        -- A listing withdrawn as entered in error never held: it overlaps nothing.
        if new.entered_in_error_at is not null then return new; end if;
        if tg_op = 'UPDATE' and daterange(old.listed_on, old.removed_on, '[)') @> daterange(new.listed_on, new.removed_on, '[)') then return new; end if;
        -- One subject's listings on one list are checked one transaction at a time.
        perform pg_advisory_xact_lock(hashtextextended(new.subject_id::text || ':' || new.list::text, 0));
        if exists (
          select 1 from list_membership o
          where o.subject_type = new.subject_type and o.subject_id = new.subject_id and o.list = new.list and o.id <> new.id
            and o.entered_in_error_at is null
            and daterange(o.listed_on, o.removed_on, '[)') && daterange(new.listed_on, new.removed_on, '[)')
        ) then
          raise exception 'two listings of one subject on one list may not overlap'
            using errcode = 'check_violation', table = 'list_membership', column = 'listed_on', constraint = 'list_membership_no_overlap';
        end if;
        return new;
      end $$;`);
    this.addSql(`alter type "audit_action" add value if not exists 'WITHDRAW_LISTING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "list_membership_one_open_per_list";`);
    this.addSql(`create unique index "list_membership_one_open_per_list" on "list_membership" ("subject_type", "subject_id", "list") where "removed_on" is null;`);
    this.addSql(`alter table "list_membership" drop constraint list_membership_entered_in_error_whole;`);
    this.addSql(`alter table "list_membership" drop column "entered_in_error_at", drop column "entered_in_error_by", drop column "entered_in_error_reason", drop column "entered_in_error_document_number";`);
  }
}
