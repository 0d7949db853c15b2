import { agencyWithServant, idCardNumber, recordInput, uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile14 F5: single-line text kept its leading and trailing spaces, so " 鄂州市发改委" was stored
 * as another body than 鄂州市发改委 and a document number with a trailing space as another number —
 * shown the same, told apart by every comparison and search. Single-line text is now trimmed on input
 * (ASCII and ideographic spaces alike), as a registry keeps its names; text of spaces only is refused
 * as blank, as before; spaces inside stay.
 */
const server = serverPerFile();
let agencyId: string;
let servantId: string;
beforeAll(async () => {
  ({ agencyId, servantId } = await agencyWithServant(server));
});

const one = async (sql: string, id: string) => (await server.sql(sql, [id]))[0];

it('trims an agency name on create and on update, ASCII and ideographic spaces alike', async () => {
  const created = await server.rawQuery('mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id name } }', {
    input: { uscc: uscc(), name: '\u3000 鄂州市测试局 ', level: 'CITY', kind: 'DEPARTMENT' },
  });
  expect(created.errors).toBeUndefined();
  const { id, name } = created.data.createAgency;
  expect(name).toBe('鄂州市测试局');
  expect(await one('select name from agency where id = ?', id)).toEqual({ name: '鄂州市测试局' });
  const updated = await server.rawQuery('mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { name } }', { id, input: { name: '  鄂州市测试二局\u3000' } });
  expect(updated.errors).toBeUndefined();
  expect(await one('select name from agency where id = ?', id)).toEqual({ name: '鄂州市测试二局' });
});

it('trims a civil servant\'s name, post and rank: " 张三 " is registered as 张三', async () => {
  const result = await server.rawQuery('mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }', {
    input: { idCardNumber: idCardNumber(), name: ' 张三 ', agencyId, post: ' 科员', rank: '一级科员 ' },
  });
  expect(result.errors).toBeUndefined();
  expect(await one('select name, post, rank from civil_servant where id = ?', result.data.createCivilServant.id)).toEqual({ name: '张三', post: '科员', rank: '一级科员' });
});

it('trims a record\'s document number and deciding department, keeping the spaces inside', async () => {
  const result = await server.rawQuery('mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }', {
    input: recordInput('CIVIL_SERVANT', servantId, { documentNumber: ' 鄂州信〔2026〕77号 ', sourceDepartment: '鄂州市 发展和改革委员会\u3000' }),
  });
  expect(result.errors).toBeUndefined();
  expect(await one('select document_number, source_department from credit_record where id = ?', result.data.createCreditRecord.id))
    .toEqual({ document_number: '鄂州信〔2026〕77号', source_department: '鄂州市 发展和改革委员会' });
});

it('refuses single-line text of spaces only as blank: BAD_USER_INPUT naming the field, nothing written', async () => {
  const count = async () => (await server.sql('select count(*)::int as n from agency'))[0].n;
  const before = await count();
  const result = await server.rawQuery('mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }', {
    input: { uscc: uscc(), name: ' \u3000 ', level: 'CITY', kind: 'DEPARTMENT' },
  });
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' }, message: expect.stringContaining('name must contain more than spaces') });
  expect(await count()).toBe(before);
});
