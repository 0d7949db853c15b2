import { Migration } from '@mikro-orm/migrations';

/**
 * 三(六) (issue 11, lawyer10 W2): the honour disqualification speaks of 相关政府部门 only. When kinds were
 * introduced (Migration20261130110000ClauseScopes) every city or district agency whose name does not end
 * in 人民政府 was taken for a department, on the premise that the registry holds government bodies only;
 * a party organ, public institution, vertical agency or court was then a DEPARTMENT. The kind gains
 * OTHER, and every agency that existed when kinds were guessed (created no later than that migration
 * ran) is marked `kind_estimated` until an officer confirms its kind (confirmAgencyKind); agencies
 * registered since stated their kind. A fresh database has no such rows.
 */
export class Migration20261205700000AgencyKindEstimated extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "agency_kind" add value if not exists 'OTHER';`);
    this.addSql(`alter table "agency" add column "kind_estimated" boolean not null default false;`);
    this.addSql(`update "agency" set "kind_estimated" = true where "created_at" <= (select max("executed_at") from "mikro_orm_migrations" where "name" = 'Migration20261130110000ClauseScopes');`);
    this.addSql(`alter type "audit_action" add value if not exists 'CONFIRM_AGENCY_KIND';`);
  }
}
