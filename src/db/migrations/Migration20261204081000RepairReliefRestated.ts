import { Migration } from '@mikro-orm/migrations';

/**
 * The approving body states, after the fact, the relief of an approval recorded without one
 * (relief_stated false, Migration20261203003000RepairReliefStated): the day it did so and its
 * document are kept beside the repair, and the act is audited under its own action.
 */
export class Migration20261204081000RepairReliefRestated extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "credit_repair" add column "relief_stated_on" date null, add column "relief_statement_document" text null;`);
    this.addSql(`alter type "audit_action" add value if not exists 'STATE_REPAIR_RELIEF';`);
  }
}
