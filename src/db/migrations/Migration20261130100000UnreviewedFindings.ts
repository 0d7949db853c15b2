import { Migration } from '@mikro-orm/migrations';

/**
 * Takes back what earlier writes asserted without anyone deciding it (a lawyer's review of the
 * policy model). Migration20261129020000ListsAndPeriods has shipped and stays as it is; this one
 * corrects the rows it set, and tells them apart by when it ran: its `executed_at` in
 * `mikro_orm_migrations` (the start of the transaction that applied it; `updated_at` and
 * `created_at` of a row are older when the row was written before, and that migration's own
 * UPDATEs did not touch them).
 *
 * 1. Breach findings (四(四)). It set every BREACHED commitment's finding to DERELICTION (履职不力), a
 *    finding nobody made. Those rows — breached, settled before it ran (`updated_at` older; a
 *    commitment is settled once and never changed after), with no settling document (the column did
 *    not exist yet) — get no finding: unreviewed (未认定), which counts for nothing until an officer
 *    records the real finding (mutation recordBreachFinding). Findings recorded since keep their
 *    value and get the settling day as the day they were made (`breach_found_on`).
 * 2. Court case kinds (三(八)). It guessed kinds from the case number ('%行%' administrative, '%民%'
 *    civil, anything else OTHER), and since then a case registered without a kind silently became
 *    ADMINISTRATIVE. A kind stands where the court's own case number bears it out (the type code 行
 *    — not inside 执行, an enforcement case — for ADMINISTRATIVE, 民 for CIVIL), or where someone gave
 *    it (CIVIL or OTHER after that migration: the silent default was ADMINISTRATIVE). Every other row
 *    gets no kind: unrecorded, counting for nothing until an officer records it (updateCourtCase).
 *    The column loses its default: a new case must say its kind.
 * 3. Decision days (认定之日). It filled `decided_on` from `recorded_on` for every record then
 *    existing: those rows (created before it ran) are marked `decided_on_estimated`, and
 *    explanations say a period was counted from an estimated day. Records registered since without
 *    a decision day also took the recorded day, but cannot be told from those given the same day
 *    on purpose, so they are not marked here (the API marks them from now on).
 */
export class Migration20261130100000UnreviewedFindings extends Migration {
  override async up(): Promise<void> {
    const ran = `(select "executed_at" from "mikro_orm_migrations" where "name" = 'Migration20261129020000ListsAndPeriods')`;

    this.addSql(`alter table "commitment" add column "breach_found_on" date null, add column "breach_found_by" varchar(200) null, add column "breach_finding_document" varchar(100) null;`);
    this.addSql(`update "commitment" set "breach_finding" = null where "status" = 'BREACHED' and "breach_finding" = 'DERELICTION' and "settlement_document" is null and "updated_at" < ${ran};`);
    this.addSql(`update "commitment" set "breach_found_on" = "settled_on", "breach_finding_document" = "settlement_document" where "breach_finding" is not null;`);
    this.addSql(`alter table "commitment" add constraint "commitment_finding_dated" check ((breach_finding is null) = (breach_found_on is null));`);

    this.addSql(`alter table "court_case" alter column "kind" drop default, alter column "kind" drop not null;`);
    this.addSql(`update "court_case" set "kind" = null where ("kind" = 'ADMINISTRATIVE' and not ("case_number" like '%行%' and "case_number" not like '%执行%')) or ("kind" = 'CIVIL' and "case_number" not like '%民%' and "created_at" < ${ran}) or ("kind" = 'OTHER' and "created_at" < ${ran});`);

    this.addSql(`alter table "credit_record" add column "decided_on_estimated" boolean not null default false;`);
    this.addSql(`update "credit_record" set "decided_on_estimated" = true where "created_at" < ${ran} and "decided_on" = "recorded_on";`);
  }
}
