import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile7 F3: `settleCommitment(… breachFinding: DERELICTION, answerablePersonIds: [a person of
 * 鄂州市卫生健康委员会])` on a commitment of 鄂州市交通运输局 was accepted, and a 四(四) entry went into
 * the file of someone who never served the promising unit; `recordBreachFinding` had the same gap.
 * A person answerable for a unit's failure may have moved since, so one of another agency is now
 * refused by default (BAD_USER_INPUT on answerablePersonIds[i], naming both agencies) and accepted
 * only with `answerableFromOtherAgencies: true`, the entry then saying which agency they belong to.
 */
let server: TestServer;
let transport: string;
let outsider: string;
let insider: string;
const CLERK: Caller = { role: 'CLERK', sub: 'wang.clerk' };
const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status breachFinding } }`);
const FINDING = graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { breachFinding } }`);

beforeAll(async () => {
  server = await startTestServer();
  transport = await createAgency(server, { name: '鄂州市交通运输局' });
  const health = await createAgency(server, { name: '鄂州市卫生健康委员会' });
  outsider = await createCivilServant(server, health, { name: '何洋' });
  insider = await createCivilServant(server, transport, { name: '刘建国' });
});
afterAll(() => server.stop());

async function commitment(content: string): Promise<string> {
  const input = { agencyId: transport, kind: 'DEADLINE' as const, domain: 'INFRASTRUCTURE' as const, publiclyDisclosed: true, content, publishedOn: '2025-01-01', dueOn: '2025-06-30' };
  return (await server.ok(CREATE, { input }, CLERK)).createCommitment.id;
}
const counts = async () => (await server.sql(`select (select count(*)::int from credit_record) as records, (select count(*)::int from audit_event) as audit,
  (select count(*)::int from commitment where status <> 'PENDING') as settled, (select count(*)::int from commitment where breach_finding is not null) as found`))[0];
const summariesOf = async (id: string) => (await server.sql<{ summary: string }>(`select summary from credit_record where subject_id = '${id}' order by created_at`)).map((r) => r.summary);
const derelict = (commitmentId: string) => ({ commitmentId, status: 'BREACHED' as const, settledOn: '2025-07-10', breachFinding: 'DERELICTION' as const, settlementDocument: '鄂州督〔2025〕11号', foundBy: '鄂州市人民政府督查室', answerableSeverity: 'GENERAL' as const });
const refusal = (i: number) => ({
  extensions: { code: 'BAD_USER_INPUT', field: `answerablePersonIds[${i}]` },
  message: expect.stringMatching(/该公务员属于鄂州市卫生健康委员会，不是作出承诺的鄂州市交通运输局的人员.*answerableFromOtherAgencies: true.*belongs to 鄂州市卫生健康委员会 .*not to 鄂州市交通运输局/s),
});

describe('settleCommitment', () => {
  it('refuses an answerable person of another agency, naming both agencies, and changes nothing', async () => {
    const id = await commitment('修建道路');
    const before = await counts();
    const result = await server.query(SETTLE, { input: { ...derelict(id), answerablePersonIds: [insider, outsider] } }, CLERK);
    expect(result.errors?.[0]).toMatchObject(refusal(1));
    expect(result.data ?? null).toBeNull();
    expect(await counts()).toEqual(before);
    expect(await summariesOf(insider)).toEqual([]);
  });

  it('accepts them with answerableFromOtherAgencies: true; their entry says which agency they belong to, a colleague\'s does not', async () => {
    const id = await commitment('修建桥梁');
    const before = await counts();
    const { settleCommitment } = await server.ok(SETTLE, { input: { ...derelict(id), answerablePersonIds: [insider, outsider], answerableFromOtherAgencies: true } }, CLERK);
    expect(settleCommitment).toEqual({ status: 'BREACHED', breachFinding: 'DERELICTION' });
    // Two entries, their two CREATE_RECORD rows and the settlement's.
    expect(await counts()).toEqual({ records: before.records + 2, audit: before.audit + 3, settled: before.settled + 1, found: before.found + 1 });
    expect(await summariesOf(outsider)).toEqual(['认定为履职不力导致公开承诺未能实现的相关责任人（四(四)）：修建桥梁（认定时该人员属鄂州市卫生健康委员会，非作出承诺的机关）']);
    expect(await summariesOf(insider)).toEqual(['认定为履职不力导致公开承诺未能实现的相关责任人（四(四)）：修建桥梁']);
  });
});

describe('recordBreachFinding', () => {
  async function unreviewed(content: string): Promise<string> {
    const id = await commitment(content);
    await server.sql(`update commitment set status = 'BREACHED', settled_on = '2025-07-10' where id = '${id}'`);
    return id;
  }
  const finding = (commitmentId: string) => ({ commitmentId, breachFinding: 'DERELICTION' as const, foundOn: '2025-08-01', foundBy: '鄂州市人民政府督查室', findingDocument: '鄂州督〔2025〕12号', answerableSeverity: 'GENERAL' as const });

  it('refuses a person of another agency without the confirmation, and accepts them with it', async () => {
    const id = await unreviewed('修建码头');
    const before = await counts();
    const refused = await server.query(FINDING, { input: { ...finding(id), answerablePersonIds: [outsider] } }, CLERK);
    expect(refused.errors?.[0]).toMatchObject(refusal(0));
    expect(await counts()).toEqual(before);

    const accepted = await server.ok(FINDING, { input: { ...finding(id), answerablePersonIds: [outsider], answerableFromOtherAgencies: true } }, CLERK);
    expect(accepted.recordBreachFinding.breachFinding).toBe('DERELICTION');
    expect(await counts()).toEqual({ ...before, records: before.records + 1, audit: before.audit + 2, found: before.found + 1 });
    expect((await summariesOf(outsider)).at(-1)).toBe('认定为履职不力导致公开承诺未能实现的相关责任人（四(四)）：修建码头（认定时该人员属鄂州市卫生健康委员会，非作出承诺的机关）');
  });
});
