import { Migration } from '@mikro-orm/migrations';

/**
 * lawyer10 R3: a judgment-defaulter listing runs for the term the court set (法释〔2017〕7号 art. 2).
 * `term_ends_on` records its last day; existing listings get none (NULL): they keep counting until
 * removed, and verdicts say no term is recorded and the deciding body should verify with the court.
 */
export class Migration20261205400000ListingTerm extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "list_membership" add column "term_ends_on" date null;`);
    this.addSql(`alter table "list_membership" add constraint "list_membership_term_after_listing" check (term_ends_on is null or term_ends_on >= listed_on);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "list_membership" drop constraint "list_membership_term_after_listing";`);
    this.addSql(`alter table "list_membership" drop column "term_ends_on";`);
  }
}
