import { IsolationLevel, ReferenceKind } from '@mikro-orm/core';
import { execute, parse } from 'graphql';
import { SYSTEM_VIEWER } from '../../src/auth/role';
import { Agency, CivilServant, Enterprise } from '../../src/db/entities';
import { sqlTransaction } from '../../src/db/repositories/sql';
import type { GraphQLContext } from '../../src/graphql/context';
import { createLoaders } from '../../src/graphql/loaders';
import { oneAtATime } from '../../src/graphql/statement-gate';
import { getFactsSchema } from '../../src/graphql/schema';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 13 (perf21, stop 30): the facts runner reads its subjects as plain rows
 * (src/graphql/subject-rows.ts), not hydrated entities, and every field resolver of the facts twin
 * reads a row as it read the entity. Here, for every agency, civil servant and enterprise of the
 * demo data: each row holds the entity's values, property by property (a relation by its id, the
 * row version); and a query selecting every field of the three subject types a facts query may
 * reach through them (guarded names, the agency a servant's statement joins, an agency's parent and
 * servants, principal terms, records, facts fields) answers the same on rows as on entities, one
 * subject at a time and in a chunk.
 */
let server: TestServer;
const AS_OF = '2026-11-01T00:00:00+08:00';

beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
});
afterAll(() => server?.stop());

/** Runs `work` with the facts runner's loaders (rows, or the request's entities) in one read-only transaction. */
function withLoaders<T>(plainSubjects: boolean, work: (context: GraphQLContext) => Promise<T>): Promise<T> {
  return sqlTransaction(
    server.app.orm.em,
    (tx) => work({ em: tx, loaders: createLoaders(tx, oneAtATime(), { plainSubjects }), rules: server.app.rules, viewer: SYSTEM_VIEWER } as unknown as GraphQLContext),
    { readOnly: true, isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}

/** Every mapped property of an entity's metadata, a relation as its id, and the row version. */
function valuesOf(entityName: string, subject: Record<string, unknown>): Record<string, unknown> {
  const meta = server.app.orm.em.getMetadata().get(entityName);
  const values: Record<string, unknown> = { rowVersion: subject.rowVersion };
  for (const prop of meta.props) {
    if (prop.formula || prop.persist === false || !prop.fieldNames?.length) continue;
    const value = subject[prop.name];
    if (prop.kind === ReferenceKind.MANY_TO_ONE) values[prop.name] = (value as { id: string } | null | undefined)?.id ?? null;
    else if (prop.kind === ReferenceKind.SCALAR) values[prop.name] = value ?? null;
  }
  return values;
}

const ENTITIES = [
  ['agency', 'agency', Agency.name],
  ['civilServant', 'civil_servant', CivilServant.name],
  ['enterprise', 'enterprise', Enterprise.name],
] as const;

it.each(ENTITIES)('a %s row holds its entity\'s every property', async (loader, table, entityName) => {
  const ids = (await server.sql<{ id: string }>(`select id from ${table} order by id`)).map((r) => r.id);
  expect(ids.length).toBeGreaterThan(1);
  const read = (plain: boolean) => withLoaders(plain, async ({ loaders }) => (await loaders[loader].loadMany(ids)).map((s) => valuesOf(entityName, s as unknown as Record<string, unknown>)));
  const [rows, entities] = [await read(true), await read(false)];
  expect(rows).toEqual(entities);
  // Each property was there to compare: times as Date, the version as text.
  expect(rows[0].createdAt).toBeInstanceOf(Date);
  expect(typeof rows[0].rowVersion).toBe('string');
});

it('a civil servant read with their agency holds the agency\'s row, as the entity loader gives it', async () => {
  const ids = (await server.sql<{ id: string }>(`select id from civil_servant order by id`)).map((r) => r.id);
  const read = (plain: boolean) =>
    withLoaders(plain, async ({ loaders }) => {
      const servants = (await loaders.civilServantWithAgency.loadMany(ids)) as unknown as Record<string, unknown>[];
      // The joined agency and the servant are handed to their own loaders, which then need no statement.
      const again = await Promise.all(servants.map(async (s) => [await loaders.civilServant.load(s.id as string), await loaders.agency.load((s.agency as { id: string }).id)]));
      expect(again.map(([s]) => s)).toEqual(servants);
      return servants.map((s) => ({ ...valuesOf(CivilServant.name, s), agency: valuesOf(Agency.name, s.agency as Record<string, unknown>) }));
    });
  expect(await read(true)).toEqual(await read(false));
});

const SERVANT = `id idCardNumber name post rank leadingCadre principal principalSince createdAt updatedAt
  principalTerms { id startedOn endedOn agency { id name } }
  creditRecords { id category }
  commitmentFacts(asOf: $asOf) { breached fulfilled }
  agencyCreditAsPrincipal(asOf: $asOf) { dishonest records { id } }`;
const AGENCY = `id uscc name level kind kindEstimated createdAt updatedAt
  parent { id name parent { id } }
  children { id name }
  civilServants { id name agency { id name } }
  creditRecords { id }
  commitments { id }
  courtCases { id }
  credit(asOf: $asOf) { dishonest records { id } }`;
const ENTERPRISE = `id uscc name creditGrade gradedOn createdAt updatedAt creditGradeOn(asOf: $asOf) creditRecords { id } credit(asOf: $asOf) { dishonest } listings(asOf: $asOf) { judgmentDefaulter }`;
const QUERIES: [string, string, string][] = [
  ['civil_servant', 'civilServant', `${SERVANT} agency { ${AGENCY} }`],
  ['agency', 'agency', `${AGENCY} civilServants { ${SERVANT} agency { id name } }`],
  ['enterprise', 'enterprise', ENTERPRISE],
];
const CHUNK: Record<string, string> = { civilServant: 'civilServantsByIds', agency: 'agenciesByIds', enterprise: 'enterprisesByIds' };

it.each(QUERIES)('every %s field answers on rows as on entities, one at a time and in a chunk', async (table, lookup, selection) => {
  const ids = (await server.sql<{ id: string }>(`select id from ${table} order by id`)).map((r) => r.id);
  const one = parse(`query ($id: ID!, $asOf: DateTime!) { subject: ${lookup}(id: $id) { ${selection} } }`);
  const chunk = parse(`query ($ids: [ID!]!, $asOf: DateTime!) { subject: ${CHUNK[lookup]}(ids: $ids) { ${selection} } }`);
  const schema = await getFactsSchema();
  const read = (plain: boolean) =>
    withLoaders(plain, async (context) => {
      const alone = await Promise.all(ids.map((id) => execute({ schema, document: one, contextValue: context, variableValues: { id, asOf: AS_OF } })));
      const all = await execute({ schema, document: chunk, contextValue: context, variableValues: { ids, asOf: AS_OF } });
      return JSON.stringify({ alone, all });
    });
  const [rows, entities] = [await read(true), await read(false)];
  expect(rows).not.toContain('"errors"');
  expect(rows).toBe(entities);
  // Guarded and joined fields were there to compare.
  expect(rows).toContain('"name":"');
}, 120_000);
