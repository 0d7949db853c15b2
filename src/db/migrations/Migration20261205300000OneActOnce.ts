import { Migration } from '@mikro-orm/migrations';

/**
 * hostile8 F4/F5: one act is registered once.
 *
 * - A court case is keyed by its number as compared (NFKC, no white space, no leading zeros in the
 *   serial: src/domain/document-number.ts),
 *   unique in `court_case_one_per_number`. The same case registered again under another spelling
 *   (full-width digits or brackets, a trailing space) keeps its row, but only the first registration
 *   (oldest, then smallest id) gets the key; the others keep a null key and stay on file as entered.
 * - A credit record is one per decision: subject, category, decision day and document number as
 *   compared, among records not revoked (`credit_record_one_per_decision`). 四(四) file entries
 *   (COMMITMENT_DERELICTION) are made by a finding per commitment and stay outside it. Records already
 *   entered twice are kept with their history: all but the first of each group are marked
 *   `duplicate_on_file` and left outside the index, so the migration succeeds whatever is on file.
 *   Whether they still count is not changed here; the lead's and the policy officers' call.
 */
/** src/domain/document-number.ts normalisedNumber in SQL, as of this migration. */
const key = (column: string) => `regexp_replace(regexp_replace(normalize(${column}, NFKC), '\\s', '', 'g'), '(\\D)0+(\\d+号)', '\\1\\2', 'g')`;

export class Migration20261205300000OneActOnce extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "court_case" add column "case_number_key" varchar(100) null;`);
    this.addSql(`
      update "court_case" c set case_number_key = k.key
      from (
        select id, key, row_number() over (partition by key order by created_at, id) as n
        from (select id, created_at, ${key('case_number')} as key from "court_case") x
      ) k
      where c.id = k.id and k.n = 1;
    `);
    this.addSql(`alter table "court_case" add constraint "court_case_one_per_number" unique ("case_number_key");`);

    this.addSql(`alter table "credit_record" add column "duplicate_on_file" boolean not null default false;`);
    this.addSql(`
      update "credit_record" r set duplicate_on_file = true
      from (
        select id, row_number() over (
          partition by subject_type, subject_id, category, decided_on, ${key('document_number')}
          order by created_at, id) as n
        from "credit_record"
        where status <> 'REVOKED' and category <> 'COMMITMENT_DERELICTION'
      ) d
      where r.id = d.id and d.n > 1;
    `);
    this.addSql(`create unique index "credit_record_one_per_decision" on "credit_record" ("subject_type", "subject_id", "category", "decided_on", (${key('"document_number"')})) where "status" <> 'REVOKED' and "category" <> 'COMMITMENT_DERELICTION' and not "duplicate_on_file";`);
  }
}
