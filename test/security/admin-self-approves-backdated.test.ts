import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec31 item 5: ADMIN is exempt from the second-person rule as the break-glass role, so one ADMIN token
 * could file an objection back-dated to a record's first day and uphold it, revoking the record from every
 * past day, and the trail showed two ordinary acts by that account. The exemption stays (break-glass), but
 * the act it let through now says so in its own audit event, so an inspector can find every such act;
 * the same act by a second ADMIN carries no mark.
 */
const server = serverPerFile();
const ADMIN_WU: Caller = { role: 'ADMIN', sub: 'sec31.wu' };
const ADMIN_ZHENG: Caller = { role: 'ADMIN', sub: 'sec31.zheng' };
const FILE = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本机关", reason: "认定有误", filedOn: "2025-03-21" }) { id } }`);
const UPHOLD = graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: REVOKE, resolution: "认定有误，予以撤销", resolvedOn: "2025-03-22" }) { status } }`);
const REQUEST = graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [RECOVERED_LOSS], description: "已挽回全部损失", appliedOn: "2025-03-21" }) { id } }`);
const APPROVE = graphql(`mutation ($id: ID!) { decideCreditRepair(input: { repairId: $id, decision: APPROVED, relief: WAIVE, decidedOn: "2025-03-22" }) { status } }`);
const MARK = '[self-approved by ADMIN, break-glass:';
/** The event of `action` on a record (targetId is the record). */
const outcomeOf = async (action: string, recordId: string) =>
  (await server.sql<{ outcome: string; actor: string }>('select outcome, actor from audit_event where action = ? and target_id = ?', [action, recordId]))[0];

it('the attack: one ADMIN token files a back-dated objection and upholds it — the upholding event is marked break-glass; a second ADMIN\'s is not', async () => {
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server), { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const alone = (await server.ok(FILE, { r: recordId }, ADMIN_WU)).fileObjection.id;
  expect((await server.ok(UPHOLD, { o: alone }, ADMIN_WU)).resolveObjection.status).toBe('UPHELD');
  const marked = await outcomeOf('DECIDE_OBJECTION', recordId);
  expect(marked.actor).toBe('sec31.wu');
  expect(marked.outcome).toContain(`${MARK} Upholding this objection (correcting or revoking the record)`);
  expect(marked.outcome).toContain('was entered by the same account (sec31.wu)]');
  // An inspector finds it through the API as well.
  const read = await server.ok(graphql(`query { auditEvents(filter: { actor: "sec31.wu", action: DECIDE_OBJECTION }) { edges { node { outcome } } } }`), undefined, { role: 'INSPECTOR', sub: 'sec31.insp' });
  expect(read.auditEvents.edges.map((e) => e.node.outcome).some((o) => o?.includes(MARK))).toBe(true);

  const otherRecord = await createRecord(server, 'AGENCY', await createAgency(server), { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const twoPeople = (await server.ok(FILE, { r: otherRecord }, ADMIN_WU)).fileObjection.id;
  expect((await outcomeOf('FILE_OBJECTION', otherRecord)).outcome).toBe('filed');
  await server.ok(UPHOLD, { o: twoPeople }, ADMIN_ZHENG);
  expect((await outcomeOf('DECIDE_OBJECTION', otherRecord)).outcome).not.toContain('break-glass');
});

it('one ADMIN token enters a repair application and approves it — the approval event is marked break-glass', async () => {
  const recordId = await createRecord(server, 'AGENCY', await createAgency(server), { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const repair = (await server.ok(REQUEST, { r: recordId }, ADMIN_WU)).requestCreditRepair.id;
  expect((await server.ok(APPROVE, { id: repair }, ADMIN_WU)).decideCreditRepair.status).toBe('APPROVED');
  expect((await outcomeOf('DECIDE_REPAIR', recordId)).outcome).toContain(`${MARK} Approving this credit repair was entered by the same account (sec31.wu)]`);
});
