import { idCardCheckDigit } from '../../src/domain/identifiers';
import { createAgency } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
let agencyId: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
});
afterAll(() => server.stop());

/** A number with a correct check digit, so only the region or the birth date can be wrong. */
const withCheckDigit = (first17: string) => first17 + idCardCheckDigit(first17);

const REGISTER = graphql(`mutation ($n: String!, $a: ID!) { createCivilServant(input: { idCardNumber: $n, name: "张测试", agencyId: $a, post: "科员", rank: "一级科员" }) { id } }`);

describe('ID-card numbers that no person can hold are refused, saying what would be right', () => {
  it.each([
    ['the region code 000000', withCheckDigit('00000019850612001'), /region code "000000", but its first two digits "00" are no province of GB\/T 2260/],
    ['a region outside every province (99)', withCheckDigit('99070419850612001'), /"99" are no province/],
    ['a birth date in the future', withCheckDigit('42070421991231001'), /"21991231" as the date of birth, which is after today/],
  ])('%s', async (_name, number, message) => {
    const before = await server.sql('select (select count(*) from civil_servant)::int as servants, (select count(*) from audit_event)::int as audit');
    const result = await server.query(REGISTER, { n: number, a: agencyId });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'idCardNumber' }, message: expect.stringMatching(message) });
    expect(await server.sql('select (select count(*) from civil_servant)::int as servants, (select count(*) from audit_event)::int as audit')).toEqual(before);
  });

  it('a real Ezhou number born in the past is accepted', async () => {
    const result = await server.query(REGISTER, { n: withCheckDigit('42070419850612001'), a: agencyId });
    expect(result.errors).toBeUndefined();
  });
});
