import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { healthz } from '../support/healthz';
import { raceBehindLock } from '../support/row-lock';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile9 F2: two clerks re-parenting X under Y and Y under X at the same moment both checked their
 * own snapshot, both committed, and made a cycle; the next `updateAgency(Z, parentId: X)` walked
 * X → Y → X … for ever, answered from the identity map, and the whole server stopped answering.
 * Now re-parentings run one at a time, the walk refuses an agency it has met already, and a
 * database trigger refuses a parent that is the agency itself or below it.
 */
const server = serverPerFile();
const UPDATE_PARENT = graphql(`mutation ($id: ID!, $parentId: ID) { updateAgency(id: $id, input: { parentId: $parentId }) { id parent { id } } }`);

const count = async (sql: string, params: unknown[] = []) => (await server.sql(sql, params))[0].n as number;
const events = (ids: string[]) => count(`select count(*)::int as n from audit_event where action = 'UPDATE_SUBJECT' and subject_id in (${ids.map(() => '?').join(', ')})`, ids);

it('two concurrent re-parentings that together make a cycle: one succeeds, the other is refused on parentId and writes nothing', async () => {
  const x = await createAgency(server, { name: '鄂州市甲局' });
  const y = await createAgency(server, { name: '鄂州市乙局' });
  const before = await events([x, y]);
  const results = await raceBehindLock(server, 'select id from agency where id in ($1, $2) for update', [x, y], () => [
    server.query(UPDATE_PARENT, { id: x, parentId: y }, { role: 'CLERK' }),
    server.query(UPDATE_PARENT, { id: y, parentId: x }, { role: 'CLERK' }),
  ]);
  const succeeded = results.filter((r) => !r.errors);
  const refused = results.filter((r) => r.errors);
  expect(succeeded).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(refused[0].errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
  expect(refused[0].errors![0].message).toContain('own ancestor');
  const rows = await server.sql<{ id: string; parent_id: string | null }>('select id, parent_id from agency where id in (?, ?)', [x, y]);
  expect(rows.filter((r) => r.parent_id !== null)).toHaveLength(1);
  expect(await events([x, y])).toBe(before + 1);
});

it('the database refuses a parent below the agency, whatever the API checked', async () => {
  const top = await createAgency(server, { name: '鄂州市丙局' });
  const below = await createAgency(server, { name: '鄂州市丙局下属中心', parentId: top });
  await expect(server.sql('update agency set parent_id = ? where id = ?', [below, top])).rejects.toMatchObject({ code: '23514', constraint: 'agency_parent_not_descendant' });
  await expect(server.sql('update agency set parent_id = ? where id = ?', [top, top])).rejects.toMatchObject({ code: '23514', constraint: 'agency_parent_not_descendant' });
  expect((await server.sql('select parent_id from agency where id = ?', [top]))[0].parent_id).toBeNull();
});

it('a cycle already in the data makes a later re-parenting into it answer an error at once; the server keeps answering', async () => {
  const x = await createAgency(server, { name: '鄂州市丁局' });
  const y = await createAgency(server, { name: '鄂州市戊局' });
  const z = await createAgency(server, { name: '鄂州市己局' });
  // Planted as a release without the guard could have left it.
  await server.sql('alter table agency disable trigger agency_parent_not_descendant');
  try {
    await server.sql('update agency set parent_id = ? where id = ?', [y, x]);
    await server.sql('update agency set parent_id = ? where id = ?', [x, y]);
  } finally {
    await server.sql('alter table agency enable trigger agency_parent_not_descendant');
  }
  const before = await events([z]);
  const answer = await server.query(UPDATE_PARENT, { id: z, parentId: x }, { role: 'CLERK' });
  expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'parentId' });
  expect(answer.errors![0].message).toContain('runs in a circle');
  expect((await server.sql('select parent_id from agency where id = ?', [z]))[0].parent_id).toBeNull();
  expect(await events([z])).toBe(before);
  expect(await healthz(server)).toBe(200);
  // The database's own walk ends on the cycle too: writing the cycle again is refused, not hung.
  await expect(server.sql('update agency set parent_id = ? where id = ?', [y, x])).rejects.toMatchObject({ constraint: 'agency_parent_not_descendant' });
});
