import { main } from '../../examples/hr-client/src/main';
import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Issue 16, item 12: the example typed client (examples/hr-client) runs against the real server,
 * so it cannot rot. `npm run build` type-checks it against schema.graphql (check:examples);
 * this runs its main function: screen A as a CLERK, screen B as the public.
 */
let server: TestServer;
let agencyId: string;
let clean: string;
let recorded: string;
let enterpriseId: string;

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市人力资源和社会保障局' });
  clean = await createCivilServant(server, agencyId, { name: '李守信' });
  recorded = await createCivilServant(server, agencyId, { name: '王失信' });
  await createRecord(server, 'CIVIL_SERVANT', recorded, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'MAJOR', occurredOn: '2025-05-01', recordedOn: '2025-05-10' });
  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), {
    input: { uscc: uscc('91'), name: '鄂州市失信被执行示例有限公司' },
  });
  enterpriseId = created.createEnterprise.id;
  const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { category: 'JUDGMENT_DEFAULTER', severity: 'MAJOR', occurredOn: '2025-05-01', recordedOn: '2025-05-10' });
  // 四(一) bars from procurement while the enterprise is on the list, resting on its record.
  const listed = await server.query(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
    input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-05-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执2号', recordId },
  });
  if (listed.errors) throw new Error(JSON.stringify(listed.errors));
});
afterAll(() => server.stop());

const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;

it('prints the promotion screen and the public enterprise page from the real server, storing no verdict, only the reads of the two candidates\' reasons', async () => {
  const before = { verdicts: await count('verdict'), audit: await count('audit_event') };
  const lines: string[] = [];
  const { screenA, screenB } = await main({ url: server.url, token: await token('CLERK', 'hr-screen'), agencyId, enterpriseId }, (line) => lines.push(line));

  const byName = Object.fromEntries(screenA.map((line) => [line.name, line]));
  expect(byName['李守信'].outcome).toBe('ELIGIBLE');
  expect(byName['王失信'].outcome).not.toBe('ELIGIBLE');
  expect(byName['王失信'].outcome).not.toBe('ERROR');
  for (const line of screenA) expect(line.reason).toMatch(/[\u4e00-\u9fff]/);

  expect(screenB?.name).toBe('鄂州市失信被执行示例有限公司');
  expect(screenB?.records).toHaveLength(1);
  expect(screenB?.procurement.outcome).not.toBe('ELIGIBLE');
  expect(screenB?.procurement.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(lines.join('\n')).toContain('政府采购 Procurement');

  // Screen A shows each candidate's reason, filled with their facts: one READ_EXPLANATION each;
  // and their outcome and measures, which name the rules that fired: one READ_PERSONAL_DATA each.
  expect({ verdicts: await count('verdict'), audit: await count('audit_event') }).toEqual({ ...before, audit: before.audit + 4 });
});
