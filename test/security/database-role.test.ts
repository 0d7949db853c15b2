import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

const role = `chengxin_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
let owner: TestServer;
let app: TestServer | undefined;

/** docker/postgres/app-role.sql, as psql would run it with these variables. */
function appRoleStatements(database: string, ownerRole: string): string[] {
  const sql = readFileSync(path.resolve(__dirname, '../../docker/postgres/app-role.sql'), 'utf8')
    .replace(/^--.*$/gm, '')
    .replaceAll(':"app_role"', `"${role}"`)
    .replaceAll(":'app_password'", `'${password}'`)
    .replaceAll(':"owner_database"', `"${database}"`)
    .replaceAll(':"owner"', `"${ownerRole}"`);
  return sql.split(';').map((statement) => statement.trim()).filter(Boolean);
}

beforeAll(async () => {
  owner = await startTestServer();
  await createAgency(owner);
  const url = new URL(owner.databaseUrl);
  const [{ me }] = await owner.sql('select current_user as me');
  for (const statement of appRoleStatements(url.pathname.slice(1), me)) await owner.sql(statement);
  url.username = role;
  url.password = password;
  // The server started as the app role: its start-up finds the migrations applied and changes nothing.
  app = await startTestServer({ databaseUrl: url.toString() });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await owner.sql(`drop owned by "${role}"`);
  await owner.sql(`drop role "${role}"`);
  await owner.stop();
});

describe('the least-privilege database role of README "Database roles" (docker/postgres/app-role.sql)', () => {
  it('serves reads and writes', async () => {
    expect((await app!.sql('select current_user as me'))[0].me).toBe(role);
    const id = await createAgency(app!);
    expect((await app!.ok(graphql(`query ($id: ID!) { agency(id: $id) { id } }`), { id }, { role: 'PUBLIC' })).agency!.id).toBe(id);
  });

  it.each([
    ['TRUNCATE audit_event', 'truncate audit_event'],
    ['DELETE FROM credit_record', 'delete from credit_record'],
    ['DROP TRIGGER audit_event_no_truncate', 'drop trigger audit_event_no_truncate on audit_event'],
    ['CREATE TABLE', 'create table stolen (x int)'],
    ['ALTER TABLE agency', 'alter table agency add column x int'],
  ])('cannot %s', async (_name, statement) => {
    const before = await owner.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from credit_record)::int as records');
    await expect(app!.sql(statement)).rejects.toThrow(/permission denied|must be owner/);
    expect(await owner.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from credit_record)::int as records')).toEqual(before);
  });
});
