import { readFileSync } from 'node:fs';
import path from 'node:path';
import { graphql } from '../support/graphql';
import { healthz } from '../support/healthz';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 F7: 30 previews sent at once by one OFFICER, each with a draft the checks refuse (a facts
 * query over its field limit), got 30 × BAD_USER_INPUT after 4 CPU-seconds, /healthz waiting 11 s.
 * The one-preview gate (src/graphql/preview-gate.ts) was taken and opened again inside one
 * synchronous stretch (writing the draft out, inspectRules), so each next request found it free and
 * all 30 checks ran back to back. Now a preview holds the gate from the moment it enters until the
 * event loop has turned: the others, already received, get PREVIEW_BUSY at once, as README promises.
 */
const server = serverPerFile();
const OFFICER = { role: 'OFFICER' as const, sub: 'li.officer' };
const FACTS = 'facts/enterprise.graphql';
const shipped = readFileSync(path.resolve(__dirname, '../../rules', FACTS), 'utf8');
/** The report's draft: 140 aliases of the enterprise's credit facts, over the facts query's field limit. */
const refusedDraft = shipped.replace(
  '    creditGradeOn(asOf: $asOf)\n',
  `    creditGradeOn(asOf: $asOf)\n    ${Array.from({ length: 140 }, (_, i) => `c${i}: credit(asOf: $asOf) { dishonest }`).join(' ')}\n`,
);
const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files, matter: "PROCUREMENT") { changedTotal } }`);

it('30 refused drafts sent at once: one is checked, the others get PREVIEW_BUSY at once; /healthz answers meanwhile', async () => {
  expect(refusedDraft).not.toBe(shipped);
  const alone = await server.query(PREVIEW, { files: [{ path: FACTS, content: refusedDraft }] }, OFFICER);
  expect(alone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });

  const burst = Array.from({ length: 30 }, () => server.query(PREVIEW, { files: [{ path: FACTS, content: refusedDraft }] }, OFFICER));
  expect(await healthz(server)).toBe(200);
  const codes = (await Promise.all(burst)).map((result) => result.errors?.[0].extensions?.code);
  const checked = codes.filter((code) => code === 'BAD_USER_INPUT').length;
  const busy = codes.filter((code) => code === 'PREVIEW_BUSY').length;
  expect(checked + busy).toBe(30);
  // Before: 30 checked, 0 busy.
  expect(checked).toBeLessThanOrEqual(3);
  expect(busy).toBeGreaterThanOrEqual(27);
});
