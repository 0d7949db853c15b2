import { readFragment, type FragmentOf } from 'gql.tada';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError, request, useQuery } from '../api';
import { graphql } from '../graphql';
import { useLabel, useLang, useT } from '../i18n';
import { may } from '../session';
import { ErrorNote, OutcomeBadge, SEGMENT_TYPE, Show, dayToInstant, formatTime, shortVersion, subjectHref, today, useSession, verdictHref } from '../ui';

const RecordFields = graphql(`
  fragment RecordFields on CreditRecord {
    id kind category severity status occurredOn recordedOn disclosureEndsOn documentNumber sourceDepartment summary version
    objections @include(if: $history) { id filedOn filedBy reason status resolution resolvedOn remedy }
    repairs @include(if: $history) { id appliedOn status decidedOn description decisionNote actions }
  }
`);

const SubjectIdentity = graphql(`
  query SubjectIdentity($id: ID!, $agency: Boolean!, $servant: Boolean!, $enterprise: Boolean!) {
    agency(id: $id) @include(if: $agency) {
      id name uscc level
      parent { id name }
      commitments { id kind content publishedOn dueOn status settledOn }
      courtCases { id caseNumber court filedOn headAppeared judgmentDefaulter defaulterListedOn defaulterRemovedOn }
    }
    civilServant(id: $id) @include(if: $servant) { id name idCardNumber post rank leadingCadre agency { id name } }
    enterprise(id: $id) @include(if: $enterprise) { id name uscc creditGrade gradedOn }
    ruleSet { matters { code title { zh en } subjectTypes } }
  }
`);

const SubjectRecords = graphql(
  `
  query SubjectRecords($id: ID!, $agency: Boolean!, $servant: Boolean!, $enterprise: Boolean!, $history: Boolean!) {
    agency(id: $id) @include(if: $agency) { creditRecords { ...RecordFields } }
    civilServant(id: $id) @include(if: $servant) { creditRecords { ...RecordFields } }
    enterprise(id: $id) @include(if: $enterprise) { creditRecords { ...RecordFields } }
  }
`,
  [RecordFields],
);

const SubjectHistory = graphql(`
  query SubjectHistory($id: ID!, $agency: Boolean!, $servant: Boolean!, $enterprise: Boolean!) {
    agency(id: $id) @include(if: $agency) { creditRecords { id history { id version action createdAt reason } } }
    civilServant(id: $id) @include(if: $servant) { creditRecords { id history { id version action createdAt reason } } }
    enterprise(id: $id) @include(if: $enterprise) { creditRecords { id history { id version action createdAt reason } } }
  }
`);

const SubjectVerdicts = graphql(`
  query SubjectVerdicts($subject: SubjectInput!) {
    verdicts(subject: $subject, first: 50) {
      totalCount
      edges { node { id outcome matter asOf evaluatedAt ruleSetVersion recheckOf } }
    }
  }
`);

const Evaluate = graphql(`
  mutation Evaluate($subject: SubjectInput!, $matter: String!, $asOf: DateTime) {
    evaluate(subject: $subject, matter: $matter, asOf: $asOf) { id outcome }
  }
`);

type Matters = { code: string; title: { zh: string; en: string }; subjectTypes: readonly string[] }[];

function EvaluateForm({ type, id, matters }: { type: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE'; id: string; matters: Matters }) {
  const t = useT();
  const { lang } = useLang();
  const { session } = useSession();
  const { route } = useLocation();
  const own = matters.filter((m) => m.subjectTypes.includes(type));
  const [matter, setMatter] = useState(own[0]?.code ?? '');
  const [day, setDay] = useState(today());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!may(session, 'evaluate')) return null;
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await request(Evaluate, { subject: { type, id }, matter, asOf: day ? dayToInstant(day) : null }, session.token);
      route(verdictHref(result.evaluate.id));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('ERROR', String(caught)));
      setBusy(false);
    }
  }
  return (
    <form class="card inline-form" onSubmit={submit} aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">{t('评估', 'Evaluate')}</h2>
      <div class="field">
        <label for="evaluate-matter">{t('事项', 'Matter')}</label>
        <select id="evaluate-matter" value={matter} onChange={(e) => setMatter(e.currentTarget.value)}>
          {own.map((m) => (
            <option key={m.code} value={m.code}>
              {m.title[lang]} ({m.code})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="evaluate-day">{t('评估日期（北京时间）', 'As of (China Standard Time)')}</label>
        <input id="evaluate-day" type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <button type="submit" disabled={busy || !matter}>
        评估 Evaluate
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

function Records({ records, history }: { records: readonly FragmentOf<typeof RecordFields>[]; history: Map<string, { id: string; version: number; action: string; createdAt: string; reason: string | null }[]> | ApiError | null }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  if (!records.length) return <p>{t('无信用记录。', 'No credit records.')}</p>;
  return (
    <>
      {history instanceof ApiError ? <p class="help">{t('记录的修改历史对您的角色不可见。', 'The history of the records is not shown to your role.')}</p> : null}
      <ol class="records">
        {records.map((fragment) => {
          const r = readFragment(RecordFields, fragment);
          const revisions = history instanceof Map ? history.get(r.id) : undefined;
          return (
            <li key={r.id} id={`record-${r.id}`} class="card record" tabIndex={-1}>
              <h3>
                {label(r.kind)} · {label(r.category)} {r.severity ? `· ${label(r.severity)}` : ''} · <span class={`status status-${r.status.toLowerCase()}`}>{label(r.status)}</span>
              </h3>
              <p>{r.summary}</p>
              <dl class="facts">
                <dt>{t('文号', 'Document')}</dt>
                <dd>{r.documentNumber}</dd>
                <dt>{t('认定部门', 'Department')}</dt>
                <dd>{r.sourceDepartment}</dd>
                <dt>{t('发生日期', 'Occurred')}</dt>
                <dd>{r.occurredOn}</dd>
                <dt>{t('认定日期', 'Recorded')}</dt>
                <dd>{r.recordedOn}</dd>
                <dt>{t('公示截止', 'Disclosed until')}</dt>
                <dd>{r.disclosureEndsOn ?? '—'}</dd>
                <dt>{t('版本', 'Version')}</dt>
                <dd>{r.version}</dd>
              </dl>
              {r.objections?.length ? (
                <>
                  <h4>{t('异议', 'Objections')}</h4>
                  <ul>
                    {r.objections.map((o) => (
                      <li key={o.id}>
                        {o.filedOn} {o.filedBy}: {o.reason} — {label(o.status)} {o.resolution ? `(${o.resolvedOn ?? ''} ${o.resolution}${o.remedy ? `, ${o.remedy}` : ''})` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {r.repairs?.length ? (
                <>
                  <h4>{t('信用修复', 'Credit repairs')}</h4>
                  <ul>
                    {r.repairs.map((p) => (
                      <li key={p.id}>
                        {p.appliedOn}: {p.description} — {label(p.status)} {p.decidedOn ? `(${p.decidedOn}${p.decisionNote ? ` ${p.decisionNote}` : ''})` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {revisions ? (
                <details>
                  <summary>{t(`历史（${revisions.length}）`, `History (${revisions.length})`)}</summary>
                  <ol>
                    {revisions.map((h) => (
                      <li key={h.id}>
                        v{h.version} {h.action} · {formatTime(h.createdAt, lang)} {h.reason ? `· ${h.reason}` : ''}
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function SubjectPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const { params } = useRoute();
  const type = SEGMENT_TYPE[params.type ?? ''];
  const id = params.id ?? '';
  const flags = { id, agency: type === 'AGENCY', servant: type === 'CIVIL_SERVANT', enterprise: type === 'ENTERPRISE' };
  const identity = useQuery(SubjectIdentity, flags, session.token, !type);
  // Objections and repairs are for the roles that read a record's history; the public (and OFFICER)
  // would get UNAUTHENTICATED/FORBIDDEN for the whole list, so they are not asked for.
  const records = useQuery(SubjectRecords, { ...flags, history: may(session, 'readHistory') }, session.token, !type);
  const history = useQuery(SubjectHistory, flags, session.token, !type);
  const verdicts = useQuery(SubjectVerdicts, { subject: { type: type ?? 'AGENCY', id } }, session.token, !type);
  if (!type) return <ErrorNote error={new ApiError('NOT_FOUND', t('没有这种主体类型。', 'No such subject type.'))} />;

  const historyById =
    history.state === 'done'
      ? new Map((history.data.agency ?? history.data.civilServant ?? history.data.enterprise)?.creditRecords.map((r) => [r.id, [...r.history]]) ?? [])
      : history.state === 'error'
        ? history.error
        : null;

  return (
    <section>
      <Show loaded={identity}>
        {(data) => {
          const subject = data.agency ?? data.civilServant ?? data.enterprise;
          if (!subject) return <ErrorNote error={new ApiError('NOT_FOUND', t('没有这个主体。', 'There is no such subject.'))} />;
          return (
            <>
              <h1>
                <span class="kicker">{label(type)}</span> {subject.name}
              </h1>
              <dl class="facts card">
                {data.agency ? (
                  <>
                    <dt>{t('统一社会信用代码', 'USCC')}</dt>
                    <dd>{data.agency.uscc}</dd>
                    <dt>{t('层级', 'Level')}</dt>
                    <dd>{label(data.agency.level)}</dd>
                    <dt>{t('上级', 'Parent')}</dt>
                    <dd>{data.agency.parent ? <a href={subjectHref('AGENCY', data.agency.parent.id)}>{data.agency.parent.name}</a> : '—'}</dd>
                  </>
                ) : null}
                {data.civilServant ? (
                  <>
                    <dt>{t('身份证号', 'ID card')}</dt>
                    <dd>{data.civilServant.idCardNumber}</dd>
                    <dt>{t('单位', 'Agency')}</dt>
                    <dd>
                      <a href={subjectHref('AGENCY', data.civilServant.agency.id)}>{data.civilServant.agency.name}</a>
                    </dd>
                    <dt>{t('职务', 'Post')}</dt>
                    <dd>{data.civilServant.post}</dd>
                    <dt>{t('职级', 'Rank')}</dt>
                    <dd>{data.civilServant.rank}</dd>
                    <dt>{t('领导干部', 'Leading cadre')}</dt>
                    <dd>{data.civilServant.leadingCadre ? t('是', 'yes') : t('否', 'no')}</dd>
                  </>
                ) : null}
                {data.enterprise ? (
                  <>
                    <dt>{t('统一社会信用代码', 'USCC')}</dt>
                    <dd>{data.enterprise.uscc}</dd>
                    <dt>{t('信用等级', 'Credit grade')}</dt>
                    <dd>
                      {data.enterprise.creditGrade ?? '—'} {data.enterprise.gradedOn ? `(${data.enterprise.gradedOn})` : ''}
                    </dd>
                  </>
                ) : null}
              </dl>
              <EvaluateForm type={type} id={id} matters={data.ruleSet.matters as Matters} />
              <h2>{t('评估结论（最新在前）', 'Verdicts (newest first)')}</h2>
              <Show loaded={verdicts}>
                {(v) =>
                  v.verdicts.edges.length ? (
                    <table class="list">
                      <thead>
                        <tr>
                          <th scope="col">{t('结论', 'Outcome')}</th>
                          <th scope="col">{t('事项', 'Matter')}</th>
                          <th scope="col">{t('评估日期', 'As of')}</th>
                          <th scope="col">{t('评估时间', 'Evaluated')}</th>
                          <th scope="col">{t('规则版本', 'Rules')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {v.verdicts.edges.map(({ node }) => (
                          <tr key={node.id}>
                            <td>
                              <a href={verdictHref(node.id)} data-testid="verdict-link">
                                <OutcomeBadge outcome={node.outcome} />
                              </a>
                            </td>
                            <td>{data.ruleSet.matters.find((m) => m.code === node.matter)?.title[lang] ?? node.matter}</td>
                            <td>{formatTime(node.asOf, lang)}</td>
                            <td>{formatTime(node.evaluatedAt, lang)}</td>
                            <td>
                              <code>{shortVersion(node.ruleSetVersion)}</code>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : (
                    <p>{t('暂无结论。', 'No verdicts yet.')}</p>
                  )
                }
              </Show>
              {data.agency ? (
                <>
                  <h2>{t('公开承诺', 'Commitments')}</h2>
                  {data.agency.commitments.length ? (
                    <table class="list">
                      <thead>
                        <tr>
                          <th scope="col">{t('内容', 'Content')}</th>
                          <th scope="col">{t('公开日期', 'Published')}</th>
                          <th scope="col">{t('期限', 'Due')}</th>
                          <th scope="col">{t('状态', 'Status')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.agency.commitments.map((c) => (
                          <tr key={c.id} id={`commitment-${c.id}`}>
                            <td>{c.content}</td>
                            <td>{c.publishedOn}</td>
                            <td>{c.dueOn}</td>
                            <td>
                              {label(c.status)} {c.settledOn ?? ''}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : (
                    <p>{t('无。', 'None.')}</p>
                  )}
                  <h2>{t('涉诉案件', 'Court cases')}</h2>
                  {data.agency.courtCases.length ? (
                    <table class="list">
                      <thead>
                        <tr>
                          <th scope="col">{t('案号', 'Case number')}</th>
                          <th scope="col">{t('法院', 'Court')}</th>
                          <th scope="col">{t('立案日期', 'Filed')}</th>
                          <th scope="col">{t('负责人出庭', 'Head appeared')}</th>
                          <th scope="col">{t('失信被执行人', 'Judgment defaulter')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.agency.courtCases.map((c) => (
                          <tr key={c.id} id={`case-${c.id}`}>
                            <td>{c.caseNumber}</td>
                            <td>{c.court}</td>
                            <td>{c.filedOn}</td>
                            <td>{c.headAppeared == null ? '—' : c.headAppeared ? t('是', 'yes') : t('否', 'no')}</td>
                            <td>{c.judgmentDefaulter ? `${t('是', 'yes')} ${c.defaulterListedOn ?? ''}–${c.defaulterRemovedOn ?? ''}` : t('否', 'no')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : (
                    <p>{t('无。', 'None.')}</p>
                  )}
                </>
              ) : null}
            </>
          );
        }}
      </Show>
      <h2>{t('信用记录', 'Credit records')}</h2>
      <Show loaded={records}>
        {(data) => <Records records={(data.agency ?? data.civilServant ?? data.enterprise)?.creditRecords ?? []} history={historyById} />}
      </Show>
    </section>
  );
}
