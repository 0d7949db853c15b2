import { Migration } from '@mikro-orm/migrations';

/**
 * A court's term on an existing judgment-defaulter listing is recorded or extended after the listing
 * (setListingTerm, 法释〔2017〕7号 art. 2): the decision that set it is kept beside the term, and the act
 * is audited under its own action (old → new).
 */
export class Migration20261206200000ListingTermSet extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "list_membership" add column "term_document_number" varchar(100) null;`);
    this.addSql(`alter type "audit_action" add value if not exists 'SET_LISTING_TERM';`);
  }
}
