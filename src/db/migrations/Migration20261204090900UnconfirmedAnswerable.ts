import { Migration } from '@mikro-orm/migrations';

/**
 * 四(四) (issue 11, lawyer8 W4): the entries Migration20261203006000AnswerablePersons recategorised as
 * COMMITMENT_DERELICTION were made on the commitment's *named* responsible person; no finding body
 * ever named that person answerable (认定为相关责任人). They are marked `answerable_unconfirmed`: kept
 * on file, counted towards nothing (the facts list them in notCounted, ANSWERABLE_UNCONFIRMED), until
 * a finding body names the person answerable on that commitment (recordBreachFinding), which confirms
 * the entry with its own document, body, day and severity.
 *
 * They are found by their creation: a CREATED revision caused by a commitment whose snapshot has the
 * old category UNFULFILLED_COMMITMENT (entries the finding itself made were created as
 * COMMITMENT_DERELICTION). Each gets a CORRECTED revision saying so — on file for the person, what
 * the objection procedure and the record's history show them — and re-checks 四(四)'s scope: a
 * commitment that is not a public one of infrastructure, public service or livelihood (or whose field
 * or disclosure is not recorded) can never be confirmed, and the revision says that too.
 */
export class Migration20261204090900UnconfirmedAnswerable extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "credit_record" add column "answerable_unconfirmed" boolean not null default false;`);
    this.addSql(`
      with migrated as (
        select distinct r.id, v.cause_id as commitment_id
        from "credit_record" r
        join "credit_record_revision" v on v.record_id = r.id and v.action = 'CREATED' and v.cause_id is not null
        where r.subject_type = 'CIVIL_SERVANT' and r.category = 'COMMITMENT_DERELICTION'
          and (v.snapshot::jsonb ->> 'category') = 'UNFULFILLED_COMMITMENT'
      ), marked as (
        update "credit_record" r
        set answerable_unconfirmed = true, version = r.version + 1, updated_at = now()
        from migrated m
        where r.id = m.id
        returning r.id, r.version, m.commitment_id
      )
      insert into "credit_record_revision" (id, created_at, updated_at, record_id, action, version, reason, cause_id, snapshot)
      select gen_random_uuid(), now(), now(), m.id, 'CORRECTED', m.version,
        '来源标注（issue 11）：此记录由认定履职不力时自动计入承诺载明的责任人名下后迁移而来，认定机关从未认定本人为相关责任人；在认定机关认定之前不计入四(四)诚信档案，不作为提拔考核内容。'
          || case when c.publicly_disclosed is true and c.domain in ('INFRASTRUCTURE', 'PUBLIC_SERVICE', 'LIVELIHOOD')
            then '认定机关可以 recordBreachFinding 列明本人为相关责任人予以确认。 / Provenance (issue 11): this entry was made automatically on the commitment''s named responsible person when 履职不力 was found, then recategorised; no finding body ever named this person answerable (相关责任人). Until one does, it is not a 四(四) file entry and weighs in no promotion assessment. The finding body may confirm it by naming the person in recordBreachFinding.'
            else '该承诺不属于四(四)所指向社会公开的基础设施类、公共服务类、民生保障类承诺（或其领域、公开情况未登记），不能作为四(四)记录确认。 / Provenance (issue 11): this entry was made automatically on the commitment''s named responsible person when 履职不力 was found, then recategorised; no finding body ever named this person answerable (相关责任人). It is not a 四(四) file entry and weighs in no promotion assessment. The commitment is not a public one of infrastructure, public service or livelihood (or its field or disclosure is not recorded), so it cannot be confirmed as one.'
          end,
        m.commitment_id,
        ((select s.snapshot from "credit_record_revision" s where s.record_id = m.id order by s.version desc, s.created_at desc limit 1)::jsonb
          || jsonb_build_object('answerableUnconfirmed', true, 'version', m.version))::json
      from marked m
      left join "commitment" c on c.id = m.commitment_id;
    `);
  }
}
