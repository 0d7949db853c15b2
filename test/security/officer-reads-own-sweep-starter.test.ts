import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec31 item 3: an OFFICER read `SweepRun.startedBy: null` on the sweep it had just started itself. A staff
 * account stays withheld from who does not read the audit trail (hostile29 F2), but a caller may read that
 * it was itself: its own `sub` tells it nothing new. Another officer still reads null; an INSPECTOR the name.
 */
const server = serverPerFile();
const WANG: Caller = { role: 'OFFICER', sub: 'sec31.wang' };
const LI: Caller = { role: 'OFFICER', sub: 'sec31.li' };
const START = graphql(`mutation { startSweep(matter: "HONOUR") { id startedBy } }`);
const READ = graphql(`query ($id: ID!) { sweepRun(id: $id) { startedBy } }`);

it('the officer who started a sweep reads its own sub; another officer and a clerk read null; an inspector reads who', async () => {
  await createAgency(server);
  const started = (await server.ok(START, undefined, WANG)).startSweep;
  expect(started.startedBy).toBe('sec31.wang');
  expect((await server.ok(READ, { id: started.id }, WANG)).sweepRun?.startedBy).toBe('sec31.wang');
  expect((await server.ok(READ, { id: started.id }, LI)).sweepRun?.startedBy).toBeNull();
  expect((await server.ok(READ, { id: started.id }, { role: 'CLERK', sub: 'sec31.wang.clerk' })).sweepRun?.startedBy).toBeNull();
  expect((await server.ok(READ, { id: started.id }, { role: 'INSPECTOR', sub: 'sec31.zhao' })).sweepRun?.startedBy).toBe('sec31.wang');
});
