import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * A date written into a draft facts query (asOf: "2300-01-01") is held to the years every input is
 * held to (1900–2199): the preview refuses it with the file and line, and nothing is stored.
 */
const CS_FACTS = 'facts/civil-servant.graphql';
const shipped = readFileSync(path.resolve(__dirname, '../../rules', CS_FACTS), 'utf8');
const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files) { draftVersion changedTotal } }`);
const OWN_CREDIT = '    credit(asOf: $asOf, countsFor: $countsFor, trustworthyFor: $trustworthyCountsFor, actsFrom: $inForceFrom, dishonestyCategories: $personalCreditCategories) {\n      on dishonest';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await createCivilServant(server, await createAgency(server));
});
afterAll(() => server?.stop());

const stored = async () => (await server.sql('select (select count(*) from verdict)::int as verdicts, (select count(*) from audit_event)::int as audit'))[0];

it.each(['2300-01-01', '2300-01-01T00:00:00Z', '1899-12-31T00:00:00+08:00'])('asOf: "%s" is refused at preview with the file and line; nothing is stored', async (asOf) => {
  expect(shipped).toContain(OWN_CREDIT);
  const draft = shipped.replace(OWN_CREDIT, `    credit(asOf: "${asOf}", countsFor: $countsFor, trustworthyFor: $trustworthyCountsFor, actsFrom: $inForceFrom, dishonestyCategories: $personalCreditCategories) {\n      on dishonest`);
  const line = draft.slice(0, draft.indexOf(`"${asOf}"`)).split('\n').length;
  const before = await stored();
  const result = await server.query(PREVIEW, { files: [{ path: CS_FACTS, content: draft }] }, { role: 'OFFICER', sub: 'li.officer' });
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'files' } });
  expect(result.errors?.[0].message).toContain(`${CS_FACTS}:${line}`);
  expect(result.errors?.[0].message).toMatch(/from 1900 to 2199.*Use the variable \$asOf/);
  expect(result.errors?.[0].message).toMatch(/超出 1900–2199 年的范围/);
  expect(result.data?.previewRules ?? null).toBeNull();
  expect(await stored()).toEqual(before);
});

it('a date within the years is previewed', async () => {
  const draft = shipped.replace(OWN_CREDIT, '    credit(asOf: "2025-06-30T00:00:00Z", countsFor: $countsFor, trustworthyFor: $trustworthyCountsFor, actsFrom: $inForceFrom, dishonestyCategories: $personalCreditCategories) {\n      on dishonest');
  const result = await server.query(PREVIEW, { files: [{ path: CS_FACTS, content: draft }] }, { role: 'OFFICER', sub: 'li.officer' });
  expect(result.errors).toBeUndefined();
});
