import { createAgency, createCivilServant, createRecord } from './factories';
import type { Caller, TestServer } from './test-server';

/** A hall screen's token: what assesses civil servants for display. */
export const SCREEN: Caller = { role: 'DISPLAY', sub: 'hall.screen' };
/** The day the screen assesses them on. */
export const ASOF = '2025-06-01T00:00:00+08:00';

/**
 * Two civil servants of one agency as a screen assesses them: 周勇 (flagged) with one dishonesty
 * record from March 2025, 赵文 (clean) with none.
 */
export async function flaggedAndClean(server: TestServer): Promise<{ flagged: string; clean: string }> {
  const agencyId = await createAgency(server);
  const flagged = await createCivilServant(server, agencyId, { name: '周勇' });
  const clean = await createCivilServant(server, agencyId, { name: '赵文' });
  await createRecord(server, 'CIVIL_SERVANT', flagged, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  return { flagged, clean };
}
