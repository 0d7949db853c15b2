import { Migration } from '@mikro-orm/migrations';

/**
 * Whether an approved credit repair stated its relief (R6). Until now a silent approval was filled
 * with WAIVE, the most favourable relief. Stored rows cannot tell a stated WAIVE from a filled one, so:
 * - agencies' and enterprises' approvals keep WAIVE and count as stated: it is the only relief they
 *   can have (LIGHTEN is for civil servants, 三(七));
 * - civil servants' approvals keep the relief recorded (a decided approval is not made harsher after
 *   the fact) but are marked unstated (relief_stated false), which the API shows, so the approving
 *   body can be asked to confirm it.
 * New approvals must state their relief (decideCreditRepair refuses a silent one).
 */
export class Migration20261203003000RepairReliefStated extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "credit_repair" add column "relief_stated" boolean not null default true;`);
    this.addSql(`update "credit_repair" p set "relief_stated" = false from "credit_record" r where r."id" = p."record_id" and p."status" = 'APPROVED' and r."subject_type" = 'CIVIL_SERVANT';`);
  }
}
