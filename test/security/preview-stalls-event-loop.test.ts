import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULE_LIMITS } from '../../src/engine/rule-limits';
import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { healthz } from '../support/healthz';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * Attack: stalling the server with the largest draft the limits allow. previewRules decides every
 * subject under the draft on the server's own event loop, and json-rules-engine settles a run in
 * promise callbacks: with 50 rule files of 100 conditions, one decision takes a few hundred
 * milliseconds, and a page of subjects was decided in one stretch in which nothing else was
 * answered — /healthz included, so an orchestrator would restart a server that was only busy.
 * Now the preview gives the event loop a turn before each decision (src/evaluation/impact.service.ts).
 *
 * No clock decides this test: /healthz is asked again and again while the preview runs, and the
 * answers are placed among the SQL statements the server sent. The preview reads a page of facts in
 * one read-only transaction, then decides the page, then asks for the next page; /healthz answers
 * that arrive between the end of that transaction and the next statement were answered while it
 * was deciding. Before, at most one could (during a single round trip to the database).
 */
let server: TestServer;
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const SUBJECTS = 12;

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < SUBJECTS; i++) await createCivilServant(server, agencyId);
});
afterAll(() => server.stop());

/** An AWARD rule of the shipped kind whose conditions are `leaves` comparisons, none of which holds. */
function largestRule(i: number): string {
  const rule = JSON.parse(readFileSync(path.resolve(__dirname, '../../rules/civil-servant/trustworthy-incentive.json'), 'utf8'));
  delete rule.cases;
  const any = Array.from({ length: RULE_LIMITS.conditions }, (_, j) => ({ fact: 'subject', path: j % 2 ? '$.credit.unrepaired' : '$.credit.trustworthy', operator: 'equal', value: 1000 + j }));
  // Compact: the draft and the shipped folder together must stay within RULE_LIMITS.folderBytes.
  return JSON.stringify({ ...rule, id: `cs-largest-${i}`, conditions: { any } });
}

const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!, $matter: String) { previewRules(files: $files, matter: $matter) { changedTotal matters { matter evaluated } } }`);
const plain = (statement: string) => statement.replace(/\u001b\[[0-9;]*m/g, '');

/** Bytes of the shipped rules folder as the loader counts them (.json and .graphql files, schemas included). */
function shippedBytes(dir = path.resolve(__dirname, '../../rules')): number {
  return readdirSync(dir).reduce((sum, name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sum + shippedBytes(full);
    return sum + (/\.(json|graphql)$/.test(name) ? statSync(full).size : 0);
  }, 0);
}

/** As many of the largest rules as the limits allow: the draft's file count, or fewer when the shipped folder leaves less room. */
function largestDraft(): { path: string; content: string }[] {
  const room = RULE_LIMITS.folderBytes - shippedBytes();
  const count = Math.min(RULE_LIMITS.draftFiles, Math.floor(room / Buffer.byteLength(largestRule(RULE_LIMITS.draftFiles))));
  return Array.from({ length: count }, (_, i) => ({ path: `civil-servant/largest-${i}.json`, content: largestRule(i) }));
}

it('the largest draft the limits allow: /healthz is answered while the preview decides, and the preview still completes', async () => {
  const files = largestDraft();
  expect(files.length).toBeGreaterThanOrEqual(20); // still a draft of many rules of the largest size
  server.resetStatements();
  let finished = false;
  const preview = server.query(PREVIEW, { files, matter: 'AWARD' }, OFFICER).finally(() => (finished = true));
  /** For each /healthz answer, how many statements the server had sent by then. */
  const answeredAt: number[] = [];
  while (!finished) {
    expect(await healthz(server)).toBe(200);
    answeredAt.push(server.statements.length);
  }
  const result = await preview;
  expect(result.errors).toBeUndefined();
  expect(result.data!.previewRules).toMatchObject({ changedTotal: 0, matters: [{ matter: 'AWARD', evaluated: SUBJECTS }] });

  const statements = server.statements.map(plain);
  const factsRead = statements.findIndex((s) => s.includes('start transaction') && s.includes('read only'));
  expect(factsRead).toBeGreaterThanOrEqual(0);
  const factsReadEnd = statements.findIndex((s, i) => i > factsRead && /\] commit/.test(s));
  expect(factsReadEnd).toBeGreaterThan(factsRead);
  // Between the end of the facts read and the next statement the page was decided.
  const whileDeciding = answeredAt.filter((count) => count === factsReadEnd + 1);
  expect(whileDeciding.length).toBeGreaterThanOrEqual(3);
}, 180_000);
