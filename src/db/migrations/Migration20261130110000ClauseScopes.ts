import { Migration } from '@mikro-orm/migrations';

/**
 * What the clauses depend on and the model lacked (a lawyer's review of the policy model):
 *
 * - Agency kind (三(六) speaks of 各级人民政府、各有关部门, its honour disqualification of 相关政府部门
 *   only). Existing agencies are classified by what they already say: the levels STREET (街道办事处),
 *   DEVELOPMENT_ZONE (开发区管委会) and TOWNSHIP (乡镇人民政府) each name one kind; at city and
 *   district level a people's government's name ends in 人民政府 (鄂州市人民政府, 鄂城区人民政府), and
 *   the registry holds government bodies only, so every other agency there is one of its departments.
 *   An officer corrects a kind with updateAgency.
 * - Commitment field and disclosure (四(四) speaks of 向社会公开的基础设施类、公共服务类、民生保障类
 *   项目和工作): unknown for existing commitments (null), which 四(四)'s rules therefore do not count
 *   until an officer records them (updateCommitment).
 * - The minor tier (轻微) of dishonesty records, whose national disclosure is at most 3 months.
 * - A principal's tenure (任主要负责人之日): unknown for existing principals (null), so nothing is
 *   attributed to them under 三(六) until it is recorded (updateCivilServant).
 * - Audit actions for recording a breach finding later and classifying a commitment.
 */
export class Migration20261130110000ClauseScopes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "agency_kind" as enum ('PEOPLES_GOVERNMENT', 'DEPARTMENT', 'ADMINISTRATIVE_COMMITTEE', 'SUB_DISTRICT_OFFICE');`);
    this.addSql(`alter table "agency" add column "kind" "agency_kind" null;`);
    this.addSql(`update "agency" set "kind" = (case when "level" = 'STREET' then 'SUB_DISTRICT_OFFICE' when "level" = 'DEVELOPMENT_ZONE' then 'ADMINISTRATIVE_COMMITTEE' when "level" = 'TOWNSHIP' then 'PEOPLES_GOVERNMENT' when "name" like '%人民政府' then 'PEOPLES_GOVERNMENT' else 'DEPARTMENT' end)::"agency_kind";`);
    this.addSql(`alter table "agency" alter column "kind" set not null;`);

    this.addSql(`create type "commitment_domain" as enum ('INFRASTRUCTURE', 'PUBLIC_SERVICE', 'LIVELIHOOD', 'OTHER');`);
    this.addSql(`alter table "commitment" add column "domain" "commitment_domain" null, add column "publicly_disclosed" boolean null;`);

    this.addSql(`alter type "severity" add value if not exists 'MINOR' before 'GENERAL';`);

    this.addSql(`alter table "civil_servant" add column "principal_since" date null;`);
    this.addSql(`alter table "civil_servant" add constraint "civil_servant_tenure_of_principal" check (principal or principal_since is null);`);

    this.addSql(`alter type "audit_action" add value if not exists 'RECORD_BREACH_FINDING';`);
    this.addSql(`alter type "audit_action" add value if not exists 'UPDATE_COMMITMENT';`);
  }
}
