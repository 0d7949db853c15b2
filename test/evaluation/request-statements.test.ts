import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * SQL statements per request on the two request paths the HTTP bench loads (bench/http-load.ts,
 * BENCHMARKS.md): `evaluate` and an inspector's verdict page. Counted from the server's query log;
 * a change that adds a statement to either fails here.
 */
const server = serverPerFile();

const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }`);
const EXPLANATION = graphql(`query ($id: ID!) { verdict(id: $id) { id outcome explanation { day rules { ruleId fired conditions { path operator expected actual passed } evidence } summary(locale: "zh") } } }`);

/** The statements of the last request, without the logger's colours and timings. */
const sent = () => server.statements.map((s) => s.replace(/\u001b\[\d+m/g, '').replace(/^\[query\] /, '').replace(/ \[took .*$/, ''));

let servant = '';
beforeAll(async () => {
  const agencyId = await createAgency(server, { name: '鄂州市统计局' });
  servant = await createCivilServant(server, agencyId, { name: '李统计' });
  await createRecord(server, 'CIVIL_SERVANT', servant, { category: 'ADMINISTRATIVE_VIOLATION', occurredOn: '2023-03-01', recordedOn: '2023-03-20' });
  // The first evaluation of the process stores the rule-set snapshot (once per version): not counted.
  await server.ok(EVALUATE, { id: servant });
});

/** A statement's kind: its first words, or the table it reads or writes. */
const kind = (statement: string) => {
  if (/^(start transaction|begin|commit|rollback)/i.test(statement)) return statement.split(' ')[0].toLowerCase();
  if (/^with stored as \( insert into "verdict"/i.test(statement) && /insert into "audit_event"/i.test(statement)) return 'insert verdict+audit';
  if (/^with wanted \(k, subject_type, subject_id\)/i.test(statement)) return 'select row versions';
  const read = /^select\b.*?\bfrom "(\w+)"/is.exec(statement);
  if (read) return `select ${read[1]}`;
  const written = /^insert into "(\w+)"/i.exec(statement);
  if (written) return `insert ${written[1]}`;
  return statement.slice(0, 40);
};

it('evaluate costs 8 statements: the facts in one read-only transaction (5 reads: the servant with its agency joined, then the servant\'s and the agency\'s records in one statement, their listings in one (a record behind an ended listing counts no more, lawyer21 R1), repairs, objections; the row digest the verdict keeps for stale is made of their rows), then one insert of verdict and audit row', async () => {
  server.resetStatements();
  const evaluated = await server.ok(EVALUATE, { id: servant });
  const statements = sent();
  if (process.env.SHOW) console.log(statements.map((s) => s.slice(0, 300)).join('\n'));
  // Was 10 (stop 28): the agency's records and its listings were each read again in a statement of their own (perf20).
  expect(statements.map(kind)).toEqual([
    'start',
    'select civil_servant', // with its agency, joined
    'select credit_record', // the servant's records and the agency's
    'select list_membership', // the servant's listings and the agency's (for its credit facts, lawyer21 R1)
    'select credit_repair',
    'select objection',
    'commit',
    'insert verdict+audit',
  ]);
  const [stored] = await server.sql<{ n: number }>('select count(*)::int as n from audit_event where action = ? and target_id = ?', ['EVALUATE', evaluated.evaluate.id]);
  expect(stored.n).toBe(1);
  // The digest came from those reads (src/graphql/facts-row-digest.ts): each table once, none read again for it.
  expect(statements.filter((s) => /\bfrom "credit_record"/i.test(s))).toHaveLength(1);
  const [digest] = await server.sql<{ row_versions: string }>('select row_versions from verdict where id = ?', [evaluated.evaluate.id]);
  expect(digest.row_versions).toMatch(/^sarRlL:[0-9a-f]{32}$/);
});

it('an inspector reading a verdict\'s explanation costs 2 statements: the verdict, and its READ_EXPLANATION audit row', async () => {
  const evaluated = await server.ok(EVALUATE, { id: servant });
  server.resetStatements();
  const read = await server.ok(EXPLANATION, { id: evaluated.evaluate.id }, { role: 'INSPECTOR' });
  expect(read.verdict!.explanation.rules.length).toBeGreaterThan(0);
  expect(read.verdict!.explanation.summary).toEqual(expect.any(String));
  expect(sent().map(kind)).toEqual(['select verdict', 'insert audit_event']);
  const [audited] = await server.sql<{ n: number }>('select count(*)::int as n from audit_event where action = ? and target_id = ?', ['READ_EXPLANATION', evaluated.evaluate.id]);
  expect(audited.n).toBe(1);
});

const EVALUATE_ENTERPRISE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "BIDDING") { id outcome } }`);
const GRADED_ENTERPRISE = graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市语句计数有限公司", creditGrade: B, gradedOn: "2025-01-01" }) { id } }`);

it('an enterprise evaluate costs 9 statements too: its grade history is one read of the facts, and its part of the row digest (g) is made of that read', async () => {
  const id = (await server.ok(GRADED_ENTERPRISE, { u: uscc('91') })).createEnterprise.id;
  await createRecord(server, 'ENTERPRISE', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  server.resetStatements();
  const evaluated = await server.ok(EVALUATE_ENTERPRISE, { id });
  // In the order the facts query's resolvers ask: `credit` and `listings` are called directly on the
  // facts twin (src/graphql/direct-facts-fields.ts), so their loads go before the grade history's.
  expect(sent().map(kind)).toEqual([
    'start',
    'select enterprise',
    'select credit_record',
    'select list_membership',
    'select enterprise_credit_grade',
    'select credit_repair',
    'select objection',
    'commit',
    'insert verdict+audit',
  ]);
  const [digest] = await server.sql<{ row_versions: string }>('select row_versions from verdict where id = ?', [evaluated.evaluate.id]);
  expect(digest.row_versions).toMatch(/^srlg:[0-9a-f]{32}$/);
});

const EVALUATE_AGENCY = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id outcome } }`);

it('an agency evaluate costs 11 statements: one read per table its facts come from (records, listings, commitments, the unit\'s objections to findings, court cases, repairs, objections), each once, however many of its fields read it', async () => {
  const id = await createAgency(server, { name: '鄂州市语句计数局' });
  await createRecord(server, 'AGENCY', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  server.resetStatements();
  const evaluated = await server.ok(EVALUATE_AGENCY, { id });
  // Its credit, listings, both commitment readings and the court facts all ask in the tick after the agency's own read.
  expect(sent().map(kind)).toEqual([
    'start',
    'select agency',
    'select credit_record',
    'select list_membership', // its `listings` and its credit facts' (lawyer21 R1), one statement
    'select commitment', // `commitmentFacts` and `review`
    'select finding_objection', // for commitments and court cases
    'select court_case',
    'select credit_repair',
    'select objection',
    'commit',
    'insert verdict+audit',
  ]);
  const [digest] = await server.sql<{ row_versions: string }>('select row_versions from verdict where id = ?', [evaluated.evaluate.id]);
  expect(digest.row_versions).toMatch(/^srlmk:[0-9a-f]{32}$/);
});
