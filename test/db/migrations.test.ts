import { Writable } from 'node:stream';
import { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { ormOptions } from '../../src/db/orm';
import { migrationsList } from '../../src/db/migrations';
import { idCardNumber, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { createTestDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
const startLog: string[] = [];
beforeAll(async () => {
  // From an empty database (not a copy of the migrated template the other files start from): the
  // start-up applies every migration, which is what this file tests.
  const sink = new Writable({ write: (chunk, _encoding, done) => (startLog.push(String(chunk)), done()) });
  server = await startTestServer({}, undefined, { emptyDatabase: true, logger: pino({ level: 'info' }, sink) });
});
afterAll(() => server.stop());

/** The SQL that would still be needed to make the database match the entities: empty when the migrations are complete. */
const pendingSchemaChange = async (of: TestServer) => (await of.app.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();

const SERVANT = graphql(`query ($id: ID!) { civilServant(id: $id) { name post principal agency { name } } }`);

describe('migrations', () => {
  it('bring an empty database exactly to the schema the entities describe (no change left without a migration)', async () => {
    const applied = startLog.map((line) => JSON.parse(line)).find((line) => line.migrations);
    expect(applied).toMatchObject({ msg: `Applied ${migrationsList.length} migration(s).`, migrations: migrationsList.map((m) => m.name) });
    expect(await pendingSchemaChange(server)).toBe('');
  });

  it('run once: a server started again over the same database applies none, and what was registered is still there', async () => {
    const { createAgency: agency } = await server.ok(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "重启前登记的局", level: CITY, kind: DEPARTMENT }) { id } }`), { u: uscc() });
    const executed = await server.app.orm.getMigrator().getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));

    const restarted = await startTestServer({}, server);
    try {
      // The same rows with the same times: nothing was run a second time.
      expect(await restarted.app.orm.getMigrator().getExecutedMigrations()).toEqual(executed);
      expect(await restarted.app.orm.getMigrator().getPendingMigrations()).toEqual([]);
      expect((await restarted.ok(graphql(`query ($id: ID!) { agency(id: $id) { name } }`), { id: agency.id })).agency).toEqual({ name: '重启前登记的局' });
    } finally {
      await restarted.stop();
    }
  });

  it("upgrade a database of the first release, with its data, to today's schema when the server starts", async () => {
    // A database as the first release left it: only the first migration, and a civil servant registered then.
    const database = await createTestDatabase({ empty: true });
    let upgraded: TestServer | undefined;
    try {
      const first = await MikroORM.init(ormOptions(database.url));
      try {
        await first.getMigrator().up({ to: migrationsList[0].name });
        const agencyId = '00000000-0000-4000-8000-00000000a001';
        await first.em.getConnection().execute(`insert into agency (id, uscc, name, level) values (?, ?, '首版登记的局', 'CITY')`, [agencyId, uscc()]);
        await first.em.getConnection().execute(`insert into civil_servant (id, id_card_number, name, agency_id, post, rank) values ('00000000-0000-4000-8000-00000000c001', ?, '首版登记', ?, '科员', '一级科员')`, [idCardNumber(), agencyId]);
      } finally {
        await first.close();
      }

      upgraded = await startTestServer({}, { databaseUrl: database.url });
      expect((await upgraded.app.orm.getMigrator().getExecutedMigrations()).map((m) => m.name)).toEqual(migrationsList.map((m) => m.name));
      expect(await pendingSchemaChange(upgraded)).toBe('');
      // The row written before the upgrade reads through today's API, with the columns added since at their defaults.
      expect((await upgraded.ok(SERVANT, { id: '00000000-0000-4000-8000-00000000c001' })).civilServant).toEqual({ name: '首版登记', post: '科员', principal: false, agency: { name: '首版登记的局' } });
    } finally {
      await upgraded?.stop();
      await database.drop();
    }
  });
});
