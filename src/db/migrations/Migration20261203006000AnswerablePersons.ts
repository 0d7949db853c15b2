import { Migration } from '@mikro-orm/migrations';

/**
 * 四(四) (issue 11, lawyer5 W1): a 履职不力 finding enters a person's integrity file only when it names
 * them as answerable (相关责任人), and the entry has its own category, COMMITMENT_DERELICTION, weighed
 * in leading cadres' promotion assessment only — not a 政务失信记录 restricting awards, not counted
 * again by the 三(四) caution.
 *
 * Until now settling a commitment BREACHED/DERELICTION created an UNFULFILLED_COMMITMENT record for
 * the commitment's named responsible person (its CREATED revision has the commitment as cause).
 * Those records are recategorised, not revoked: the settlement that made each of them was accepted
 * only with the document and body for that very entry (the API required them "for the responsible
 * person's record"), so the body knowingly entered that person's file — the nearest thing on file to
 * a finding naming them. Each gets a CORRECTED revision saying why; a person who was not answerable
 * objects (异议) and the record is revoked.
 *
 * The enum value is added by recreating the type: migrations run in one transaction (allOrNothing),
 * and PostgreSQL refuses a value added by ALTER TYPE ... ADD VALUE until that transaction commits,
 * while the values of a type created in it are usable at once.
 */
export class Migration20261203006000AnswerablePersons extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "record_category" rename to "record_category_before_answerable";`);
    this.addSql(`create type "record_category" as enum ('BREACH_OF_CONTRACT', 'JUDGMENT_DEFAULTER', 'UNFULFILLED_COMMITMENT', 'FAILURE_TO_APPEAR', 'SERIOUS_ILLEGAL_DISHONEST', 'ADMINISTRATIVE_VIOLATION', 'PRINCIPAL_RESPONSIBILITY', 'COMMITMENT_DERELICTION', 'COMMENDATION', 'COMMITMENT_HONOURED');`);
    this.addSql(`alter table "credit_record" alter column "category" type "record_category" using "category"::text::"record_category";`);
    this.addSql(`drop type "record_category_before_answerable";`);
    this.addSql(`
      with made as (
        select r.id, v.cause_id as commitment_id
        from "credit_record" r
        join "credit_record_revision" v on v.record_id = r.id and v.action = 'CREATED'
        join "commitment" c on c.id = v.cause_id
        where r.subject_type = 'CIVIL_SERVANT' and r.category = 'UNFULFILLED_COMMITMENT'
      ), moved as (
        update "credit_record" r
        set category = 'COMMITMENT_DERELICTION', version = r.version + 1, updated_at = now()
        from made
        where r.id = made.id
        returning r.id, r.version, made.commitment_id
      )
      insert into "credit_record_revision" (id, created_at, updated_at, record_id, action, version, reason, cause_id, snapshot)
      select gen_random_uuid(), now(), now(), m.id, 'CORRECTED', m.version,
        '类别更正（issue 11）：此记录由认定履职不力时自动计入承诺载明的责任人名下，改为四(四)计入相关责任人诚信档案的类别（COMMITMENT_DERELICTION），只作为领导干部提拔考核重要内容，不再作为政务失信记录限制评优评先。本人并非相关责任人的，可提出异议。 / Category corrected (issue 11): this record was entered automatically on the commitment''s named responsible person when 履职不力 was found; it is now the 四(四) integrity-file category (COMMITMENT_DERELICTION), weighed in leading cadres'' promotion assessment only, no longer a government-dishonesty record restricting awards. A person who was not answerable may object.',
        m.commitment_id,
        ((select s.snapshot from "credit_record_revision" s where s.record_id = m.id order by s.version desc, s.created_at desc limit 1)::jsonb
          || jsonb_build_object('category', 'COMMITMENT_DERELICTION', 'version', m.version))::json
      from moved m;
    `);
  }
}
