import { createAgency, createRecord } from './factories';
import type { Caller, TestServer } from './test-server';
import { graphql } from './graphql';

const CLERK: Caller = { role: 'CLERK', sub: 'wang.clerk' };
/** A back-dated objection is entered by a second person (hostile18 F2). */
const ADMIN: Caller = { role: 'ADMIN', sub: 'zhou.admin' };
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id outcome } }`);
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本机关", reason: "损失金额认定有误", filedOn: "2025-02-01" }) { id } }`);
const CORRECT = graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { loss: 100, severity: MINOR }, resolution: "更正损失金额", resolvedOn: "2025-02-15" }) { status } }`);

/** The values the correction takes away: an older verdict's reader who may not read record history must not see them. */
export const CORRECTED_AWAY_VALUES = ['9876543.21', 'SEVERE'];

/**
 * An agency's HONOUR verdict made on a SEVERE record with a loss of 9,876,543.21, which an upheld
 * objection then corrects to MINOR, 100 (the scenario of hostile4 M3 and hostile5 F6). Everything goes
 * through the API as a clerk (the back-dated objection as ADMIN); `beforeCorrection` runs between the verdict and the correction, for a
 * test to read the verdict while nothing in it is history yet.
 */
export async function verdictOnCorrectedRecord(
  server: TestServer,
  options: { agencyName: string; documentNumber: string; beforeCorrection(verdictId: string): Promise<void> },
): Promise<{ agencyId: string; recordId: string; verdictId: string }> {
  const agencyId = await createAgency(server, { name: options.agencyName });
  const recordId = await createRecord(server, 'AGENCY', agencyId, {
    severity: 'SEVERE', loss: 9876543.21, occurredOn: '2025-01-10', recordedOn: '2025-01-20', documentNumber: options.documentNumber,
  });
  const verdictId = (await server.ok(EVALUATE, { id: agencyId }, CLERK)).evaluate.id;
  await options.beforeCorrection(verdictId);
  const { fileObjection } = await server.ok(FILE_OBJECTION, { r: recordId }, ADMIN);
  await server.ok(CORRECT, { o: fileObjection.id }, { role: 'CLERK', sub: 'li.clerk' }); // not the clerk who entered it (hostile13 F5)
  return { agencyId, recordId, verdictId };
}
