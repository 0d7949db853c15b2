import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { addDays } from '../src/domain/day';
import { Random, makeIdCardNumber, makeUscc } from '../src/demo/random';

/**
 * Bench data: N civil servants in N/200 agencies, with the shares of the demo data set: a fifth with
 * one to three dishonesty records (60% general, 30% major, 10% severe), some trustworthy records,
 * a tenth of the dishonesty records repaired and one in twenty disputed with a pending objection. Written with one
 * multi-row statement per table and batch (unnest), so a million subjects load in minutes.
 */
export async function generate(db: Client, subjects: number): Promise<{ records: number }> {
  const random = new Random(42);
  const agencies = Math.max(10, Math.ceil(subjects / 200));
  const agencyIds = Array.from({ length: agencies }, () => randomUUID());
  await db.query(
    `insert into agency (id, uscc, name, level, kind) select *, 'DEPARTMENT' from unnest($1::uuid[], $2::text[], $3::text[], $4::agency_level[])`,
    [agencyIds, agencyIds.map((_, i) => makeUscc('11', '420700', `MB${String(i).padStart(7, '0')}`)), agencyIds.map((_, i) => `测试机关${i}`), agencyIds.map(() => 'CITY')],
  );
  let records = 0;
  const BATCH = 10_000;
  for (let start = 0; start < subjects; start += BATCH) {
    const n = Math.min(BATCH, subjects - start);
    const ids = Array.from({ length: n }, () => randomUUID());
    await db.query(
      `insert into civil_servant (id, id_card_number, name, agency_id, post, rank, leading_cadre)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::boolean[])`,
      [
        ids,
        // Birth day and serial together are unique for up to ten million subjects.
        ids.map((_, i) => makeIdCardNumber('420704', addDays('1960-01-01', (start + i) % 10000), String(Math.floor((start + i) / 10000) % 1000).padStart(3, '0'))),
        ids.map((_, i) => `测试人员${start + i}`),
        ids.map(() => random.pick(agencyIds)),
        ids.map(() => '科员'),
        ids.map(() => '一级科员'),
        ids.map(() => random.chance(0.1)),
      ],
    );
    const rows: unknown[][] = [[], [], [], [], [], [], [], []];
    for (const id of ids) {
      const dishonest = random.chance(0.2) ? random.int(1, 3) : 0;
      for (let k = 0; k < dishonest + (random.chance(0.1) ? 1 : 0); k++) {
        const isDishonest = k < dishonest;
        const occurred = random.dateBetween('2019-01-01', '2026-10-31');
        rows[0].push(randomUUID());
        rows[1].push(id);
        rows[2].push(isDishonest ? 'DISHONEST' : 'TRUSTWORTHY');
        rows[3].push(isDishonest ? random.pick(['ADMINISTRATIVE_VIOLATION', 'UNFULFILLED_COMMITMENT', 'JUDGMENT_DEFAULTER']) : 'COMMENDATION');
        rows[4].push(isDishonest ? random.weighted([['GENERAL', 6], ['MAJOR', 3], ['SEVERE', 1]] as const) : null);
        rows[5].push(occurred);
        rows[6].push(addDays(occurred, 10));
        rows[7].push(random.chance(0.05) ? 'DISPUTED' : 'ACTIVE');
      }
    }
    records += rows[0].length;
    if (rows[0].length) {
      // Each record its own decision document: one act is entered once (credit_record_one_per_decision).
      await db.query(
        `insert into credit_record (id, subject_type, subject_id, kind, category, severity, summary, occurred_on, decided_on, recorded_on, source_department, document_number, status)
         select r.id, 'CIVIL_SERVANT', r.subject, r.kind, r.category, r.severity, '基准测试数据', r.occurred, r.occurred + 5, r.recorded, '测试部门', '测试〔2024〕' || r.id || '号', r.status
         from unnest($1::uuid[], $2::uuid[], $3::record_kind[], $4::record_category[], $5::severity[], $6::date[], $7::date[], $8::record_status[])
           as r(id, subject, kind, category, severity, occurred, recorded, status)`,
        rows,
      );
      // A tenth of the dishonesty records carry an approved repair.
      await db.query(
        `insert into credit_repair (id, record_id, actions, description, applied_on, status, decided_on)
         select gen_random_uuid(), id, '{RECOVERED_LOSS}', '基准测试', recorded_on, 'APPROVED', recorded_on + 30
         from credit_record where id = any($1::uuid[]) and kind = 'DISHONEST' and random() < 0.1`,
        [rows[0]],
      );
      // Every disputed record has a pending objection.
      await db.query(
        `insert into objection (id, record_id, filed_by, reason, filed_on)
         select gen_random_uuid(), id, '当事人', '基准测试异议', recorded_on + 5
         from credit_record where id = any($1::uuid[]) and status = 'DISPUTED'`,
        [rows[0]],
      );
    }
  }
  return { records };
}
