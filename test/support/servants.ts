import { createAgency, createCivilServant, createRecord, idCardNumber } from './factories';
import type { Caller, TestServer } from './test-server';

/** A hall screen's token: what assesses civil servants for display. */
export const SCREEN: Caller = { role: 'DISPLAY', sub: 'hall.screen' };
/** The day the screen assesses them on. */
export const ASOF = '2025-06-01T00:00:00+08:00';

/** 周勇, a civil servant of a new agency with one dishonesty record from March 2025 (recorded on the 20th). */
export async function servantWithRecord(server: TestServer): Promise<{ agencyId: string; servantId: string; idCard: string }> {
  const agencyId = await createAgency(server);
  const idCard = idCardNumber();
  const servantId = await createCivilServant(server, agencyId, { name: '周勇', idCardNumber: idCard });
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  return { agencyId, servantId, idCard };
}

/** Two civil servants of one agency as a screen assesses them: 周勇 (flagged) with that record, 赵文 (clean) with none. */
export async function flaggedAndClean(server: TestServer): Promise<{ flagged: string; clean: string }> {
  const { agencyId, servantId: flagged } = await servantWithRecord(server);
  const clean = await createCivilServant(server, agencyId, { name: '赵文' });
  return { flagged, clean };
}
