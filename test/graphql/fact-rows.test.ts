import DataLoader from 'dataloader';
import { execute } from 'graphql';
import { SYSTEM_VIEWER } from '../../src/auth/role';
import type { GraphQLContext } from '../../src/graphql/context';
import { chunkDocument } from '../../src/graphql/chunk-query';
import type { FactRowLoaders } from '../../src/graphql/fact-rows';
import { createLoaders } from '../../src/graphql/loaders';
import { getSchema } from '../../src/graphql/schema';
import { SubjectType } from '../../src/domain/subject';
import { createCivilServant, createRecord, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The facts resolvers read plain rows (src/graphql/fact-rows.ts) where they once read hydrated
 * entities. Every shipped facts query (rules/facts/*.graphql), for every subject of the Ezhou demo
 * data (repaired, corrected, revoked and disputed records, listings held and ended, commitments
 * breached and fulfilled, court cases) and a few more made here (a 履职不力 finding naming answerable
 * persons, a lightening repair, an absence found unexcused), on several days, gives through the real server (assess, over HTTP) exactly the facts
 * the entity path gives: the same query executed with the facts resolvers fed by the entity loaders
 * (src/graphql/loaders.ts, which registry reads still use), wired as the resolvers were before.
 */
let server: TestServer;

const TABLE: Record<SubjectType, string> = { AGENCY: 'agency', CIVIL_SERVANT: 'civil_servant', ENTERPRISE: 'enterprise' };
/** A matter of each subject type, whose assessment shows the facts it was decided on. */
const MATTER: Record<SubjectType, string> = { AGENCY: 'PERFORMANCE_REVIEW', CIVIL_SERVANT: 'PROMOTION', ENTERPRISE: 'PROCUREMENT' };
const ASSESS = graphql(`query ($matter: String!, $asOf: DateTime!, $subjects: [SubjectInput!]!) { assess(matter: $matter, asOf: $asOf, subjects: $subjects) { subjectId assessment { explanation { facts } } } }`);
const DAYS = ['2021-06-30', '2024-06-01', '2026-11-01'];

/** The facts resolvers' loaders as they were: the entity loaders, a membership's record read as `recordId` as listFactsOf did. */
function entityFactRows(loaders: ReturnType<typeof createLoaders>): FactRowLoaders {
  const memberships = new DataLoader<string, unknown[]>((keys) =>
    Promise.all(keys.map(async (key) => (await loaders.listMembershipsOfSubject.load(key)).map((m) => ({ ...m, recordId: m.record?.id ?? null })))),
  );
  return {
    recordsOfSubject: loaders.creditRecordsOfSubject,
    repairsOfRecord: loaders.repairsOfRecord,
    objectionsOfRecord: loaders.objectionsOfRecord,
    membershipsOfSubject: memberships,
    commitmentsOfAgency: loaders.commitmentsOfAgency,
    commitmentsOfResponsible: loaders.commitmentsOfResponsible,
    courtCasesOfAgency: loaders.courtCasesOfAgency,
    // Issue 10: the grade history has no entity path before it; both paths read the same rows.
    gradesOfEnterprise: loaders.factRows.gradesOfEnterprise,
    // Issue 11 W3: neither have a unit's objections to its findings; both paths read the same rows.
    findingObjectionsOfAgency: loaders.factRows.findingObjectionsOfAgency,
    // lawyer14 R1: nor the unit's objections a 四(四) entry reads through the finding it rests on.
    findingObjectionsOfEntry: loaders.factRows.findingObjectionsOfEntry,
  } as unknown as FactRowLoaders;
}

async function entityPath(document: ReturnType<typeof chunkDocument>, variables: Record<string, unknown>) {
  const em = server.app.orm.em.fork();
  const loaders = createLoaders(em);
  // Its loaders are made when first read (src/graphql/lazy-members.ts): the same, but for the facts rows.
  const context = { em, loaders: Object.create(loaders, { factRows: { value: entityFactRows(loaders) } }) as typeof loaders, rules: server.app.rules, viewer: SYSTEM_VIEWER } as unknown as GraphQLContext;
  const result = await execute({ schema: await getSchema(), document: document!, variableValues: variables, contextValue: context });
  expect(result.errors).toBeUndefined();
  return JSON.parse(JSON.stringify(result.data)) as { subject: unknown[] };
}

afterAll(() => server?.stop());

beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
  // A 履职不力 finding naming two answerable persons: COMMITMENT_DERELICTION entries in their files.
  const [agency] = await server.sql<{ id: string }>(`select id from agency order by id limit 1`);
  const cadre = await createCivilServant(server, agency.id, { post: '副局长', rank: '二级调研员', leadingCadre: true });
  const clerk = await createCivilServant(server, agency.id, { post: '科员', rank: '一级科员' });
  const promised = await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`), {
    input: { agencyId: agency.id, responsiblePersonId: cadre, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '养老服务站按期开放', publishedOn: '2024-01-01', dueOn: '2024-03-01' },
  });
  await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`), {
    input: { commitmentId: promised.createCommitment.id, status: 'BREACHED', settledOn: '2024-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2024〕9号', foundBy: '鄂州市人民政府督查室', answerablePersonIds: [cadre, clerk], answerableSeverity: 'GENERAL' },
  });
  // A head's absence from an administrative hearing, found without valid reason (三(八)): a counted absence.
  const absent = await server.ok(graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`), {
    input: { agencyId: agency.id, caseNumber: '(2024)鄂07行初901号', court: '湖北省鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2024-01-10', hearingOn: '2024-03-01', headAppeared: false },
  });
  await findAbsence(server, absent.createCourtCase.id, '2024-03-20');
  // A repair granted as lightening (从轻), on a record with a loss and no registered decision day (estimated).
  const recordId = await createRecord(server, 'CIVIL_SERVANT', clerk, { category: 'ADMINISTRATIVE_VIOLATION', occurredOn: '2023-05-01', recordedOn: '2023-06-01', loss: 12345.67 });
  const repair = await server.ok(graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`), {
    input: { recordId, actions: ['ELIMINATED_EFFECT'], description: '主动消除不良影响', appliedOn: '2023-07-01' },
  });
  await server.ok(graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { id } }`), {
    input: { repairId: repair.requestCreditRepair.id, decision: 'APPROVED', decidedOn: '2023-07-10', relief: 'LIGHTEN' },
  });
}, 300_000);

it('every shipped facts query gives, for every subject on every day, field by field the facts the entity path gives', async () => {
  const seen = new Set<string>();
  for (const type of Object.values(SubjectType)) {
    const ids = (await server.sql<{ id: string }>(`select id from ${TABLE[type]} order by id`)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    const query = server.app.rules.current.factsQueries[type];
    const document = chunkDocument(query);
    expect(document).not.toBeNull();
    for (const day of DAYS) {
      const parameters = server.app.rules.current.parametersOn(day)!.values;
      const variables: Record<string, unknown> = { asOf: `${day}T12:00:00+08:00` };
      for (const name of query.variables) if (name in parameters) variables[name] = parameters[name];
      // Parts of 100: what the server's assess takes at once. Its facts are read by the server's own facts runner.
      for (let i = 0; i < ids.length; i += 100) {
        const part = ids.slice(i, i + 100);
        const assessed = await server.ok(ASSESS, { matter: MATTER[type], asOf: variables.asOf as string, subjects: part.map((id) => ({ type, id })) });
        const entities = await entityPath(document, { ...variables, ids: part });
        expect(assessed.assess.map((a) => a.subjectId)).toEqual(part);
        for (const [j, { assessment }] of assessed.assess.entries()) {
          const facts = (assessment!.explanation.facts as { subject: unknown }).subject;
          expect(facts).toEqual(entities.subject[j]);
          collect(facts, seen);
        }
      }
    }
  }
  // Not an empty comparison: the facts compared hold each kind of thing the rows are read for.
  const kinds = ['record', 'record.repaired', 'record.lightened', 'record.disputed', 'record.loss', 'record.decidedOnEstimated', 'record.COMMITMENT_DERELICTION',
    'notCounted', 'membership.listed', 'membership.ended', 'breachedCommitment', 'case', 'case.headFailure'];
  expect(kinds.filter((kind) => !seen.has(kind))).toEqual([]);
}, 300_000);

/** What kinds of facts a subject's answer holds, wherever they sit in it. */
function collect(value: unknown, seen: Set<string>, key = ''): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, seen, key);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (key === 'records') {
    seen.add('record');
    for (const flag of ['repaired', 'lightened', 'disputed', 'decidedOnEstimated'] as const) if (o[flag] === true) seen.add(`record.${flag}`);
    if (typeof o.loss === 'number' && o.loss > 0) seen.add('record.loss');
    if (o.category === 'COMMITMENT_DERELICTION') seen.add('record.COMMITMENT_DERELICTION');
  }
  if (key === 'notCounted') seen.add('caseNumber' in o ? 'caseNotCounted' : 'content' in o ? 'commitmentNotCounted' : 'notCounted');
  if (key === 'memberships') seen.add(o.listed ? 'membership.listed' : 'membership.ended');
  if (key === 'breachedCommitments') seen.add('breachedCommitment');
  if (key === 'cases') {
    seen.add('case');
    if (o.headFailure) seen.add('case.headFailure');
  }
  for (const [k, v] of Object.entries(o)) collect(v, seen, k);
}
