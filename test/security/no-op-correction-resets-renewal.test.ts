import { chinaToday } from '../../src/domain/day';
import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile31 F1: after a rejection, a renewed objection suspends nothing until an officer admits it on new
 * grounds; an upheld correction starts the count afresh (a new state of the record). A second clerk
 * "upheld" the renewed objection with a correction restating the record's own summary, so the next
 * objection the first clerk filed was a first one and suspended the record, no officer involved. A
 * correction must change a value: one that restates the record is refused, naming the fields, and
 * nothing is written.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h31f1.zhang' };
const CLERK2: Caller = { role: 'CLERK', sub: 'h31f1.zhao' };

const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id renewed } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status } }`);
const RECORD = graphql(`query ($id: ID!) { creditRecord(id: $id) { status version summary } }`);

it('the attack: two clerks uphold a renewed objection with a correction that restates the record, then file a first objection again — refused, nothing written', async () => {
  const today = chinaToday();
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server), { summary: '未按期履行政府采购合同付款义务' });
  const file = async () => (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection;
  const first = await file();
  await server.ok(RESOLVE, { input: { objectionId: first.id, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, CLERK2);
  const renewed = await file();
  expect(renewed.renewed).toBe(true);

  const noOp = await server.query(RESOLVE, {
    input: { objectionId: renewed.id, decision: 'UPHELD', remedy: 'CORRECT', correction: { summary: '未按期履行政府采购合同付款义务' }, resolution: '更正', resolvedOn: today },
  }, CLERK2);
  expect(noOp.data ?? null).toBeNull();
  expect(noOp.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction' });
  for (const says of ['与记录现有的值相同', 'names no value that differs from the record', 'summary', 'REJECT the objection']) expect(noOp.errors![0].message).toContain(says);
  expect(await server.sql(`select status from objection where id = ?`, [renewed.id])).toEqual([{ status: 'PENDING' }]);
  expect((await server.ok(RECORD, { id: recordId }, CLERK)).creditRecord!).toMatchObject({ status: 'ACTIVE', version: 1 });

  // Still renewed: it stays pending, so the record stays in force until an officer admits it.
  await server.ok(RESOLVE, { input: { objectionId: renewed.id, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, CLERK2);
  expect((await file()).renewed).toBe(true);
  expect((await server.ok(RECORD, { id: recordId }, CLERK)).creditRecord!.status).toBe('ACTIVE');
});

it('hostile32 F1: a summary that shows the same — a trailing space, a line break, a zero-width space, full-width letters — restates the record: refused, nothing written', async () => {
  const today = chinaToday();
  const summary = '未按期履行PPP项目合同付款义务';
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server), { summary });
  const file = async () => (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection;
  const first = await file();
  await server.ok(RESOLVE, { input: { objectionId: first.id, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, CLERK2);
  const renewed = await file();
  for (const looksTheSame of [`${summary} `, `${summary}\n`, summary.replace('履行', '履\u200B行'), summary.replace('PPP', 'ＰＰＰ')]) {
    const noOp = await server.query(RESOLVE, {
      input: { objectionId: renewed.id, decision: 'UPHELD', remedy: 'CORRECT', correction: { summary: looksTheSame }, resolution: '更正', resolvedOn: today },
    }, CLERK2);
    expect({ sent: JSON.stringify(looksTheSame), code: noOp.errors?.[0].extensions?.code }).toEqual({ sent: JSON.stringify(looksTheSame), code: 'BAD_USER_INPUT' });
    expect(noOp.errors![0].message).toContain('与记录现有的值相同');
  }
  expect(await server.sql(`select status from objection where id = ?`, [renewed.id])).toEqual([{ status: 'PENDING' }]);
  expect((await server.ok(RECORD, { id: recordId }, CLERK)).creditRecord!).toMatchObject({ version: 1, summary });
});

it('a correction that changes one value among restated ones is a correction: the record takes a new version and the next objection is the first since it', async () => {
  const today = chinaToday();
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server), { summary: '未按期履行政府采购合同付款义务' });
  const first = (await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection;
  await server.ok(RESOLVE, {
    input: { objectionId: first.id, decision: 'UPHELD', remedy: 'CORRECT', correction: { summary: '未按期履行政府采购合同付款义务', severity: 'GENERAL' }, resolution: '更正', resolvedOn: today },
  }, CLERK2);
  expect((await server.ok(RECORD, { id: recordId }, CLERK)).creditRecord!).toMatchObject({ status: 'ACTIVE', version: 2 });
  expect((await server.ok(FILE, { input: { recordId, filedBy: '本机关', reason: '更正后仍有误', filedOn: today } }, CLERK)).fileObjection.renewed).toBe(false);
  expect((await server.ok(RECORD, { id: recordId }, CLERK)).creditRecord!.status).toBe('DISPUTED');
});
