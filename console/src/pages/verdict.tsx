import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, useQuery } from '../api';
import { graphql, type ResultOf } from '../graphql';
import { useLabel, useLang, useOperator, useT } from '../i18n';
import { may } from '../session';
import { ErrorNote, Json, OutcomeBadge, Show, formatTime, subjectHref, useSession, verdictHref } from '../ui';

const VerdictHead = graphql(`
  query VerdictHead($id: ID!) {
    verdict(id: $id) {
      id outcome score matter asOf evaluatedAt ruleSetVersion recheckOf sweepRunId stale subjectType subjectId
      subject {
        __typename
        ... on Agency { id name }
        ... on CivilServant { id name }
        ... on Enterprise { id name }
      }
      measures { ruleId effect mitigation mitigatedBy { byRule from to } points measure { zh en } basis { document clause quote } }
    }
    ruleSet { matters { code title { zh en } } }
  }
`);

const VerdictExplanation = graphql(`
  query VerdictExplanation($id: ID!) {
    verdict(id: $id) {
      id
      explanation {
        day
        parametersFile
        summaryZh: summary(locale: "zh")
        summaryEn: summary(locale: "en")
        rules {
          ruleId file effect fired inEffect points
          title { zh en }
          measure { zh en }
          text { zh en }
          basis { document clause quote }
          conditions { place fact path operator expected actual passed withheld }
          evidence
        }
      }
    }
  }
`);

const Recheck = graphql(`
  mutation Recheck($id: ID!) {
    recheck(verdictId: $id) {
      sameDecision
      differences { field before after }
      current { id outcome evaluatedAt }
    }
  }
`);

type Head = NonNullable<ResultOf<typeof VerdictHead>['verdict']>;
type Explanation = NonNullable<ResultOf<typeof VerdictExplanation>['verdict']>['explanation'];
type RecheckResult = ResultOf<typeof Recheck>['recheck'];

function evidenceLink(head: Head, item: Record<string, unknown>, label: (value: string) => string): { href: string; text: string } {
  const id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '';
  const base = subjectHref(head.subjectType, head.subjectId);
  if ('caseNumber' in item) return { href: `${base}#case-${id}`, text: String(item.caseNumber) };
  if ('content' in item && !('documentNumber' in item)) return { href: `${base}#commitment-${id}`, text: String(item.content) };
  const parts = [item.documentNumber, item.category, item.severity, item.occurredOn].filter((p) => p != null).map((p) => label(String(p)));
  return { href: `${base}#record-${id}`, text: parts.join(' · ') || id };
}

function Rules({ head, explanation }: { head: Head; explanation: Explanation }) {
  const t = useT();
  const label = useLabel();
  const operator = useOperator();
  const { lang } = useLang();
  return (
    <ol class="rules">
      {explanation.rules.map((rule) => (
        <li key={rule.ruleId} class={`card rule ${rule.fired ? 'rule-fired' : 'rule-not-fired'}`} data-rule={rule.ruleId} data-fired={String(rule.fired)}>
          <h3>
            <span class="mark" aria-hidden="true">
              {rule.fired ? '✓' : '✗'}
            </span>{' '}
            {rule.title[lang]}{' '}
            <span class="tag">{rule.fired ? t('已触发', 'fired') : rule.inEffect ? t('未触发', 'not fired') : t('不在有效期内', 'not in effect')}</span>
          </h3>
          <p class="muted">
            <code>{rule.ruleId}</code> · {rule.file} · {label(rule.effect)}
            {rule.points != null ? ` · ${rule.points} ${t('分', 'points')}` : ''}
          </p>
          <ul class="basis">
            {rule.basis.map((b) => (
              <li key={b.clause}>
                {b.document} <strong>{b.clause}</strong>：{b.quote}
              </li>
            ))}
          </ul>
          {rule.text ? <p class="rule-text">{rule.text[lang]}</p> : null}
          {rule.conditions.length ? (
            <table class="conditions">
              <caption class="visually-hidden">{t('条件', 'Conditions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('事实路径', 'Fact path')}</th>
                  <th scope="col">{t('运算', 'Operator')}</th>
                  <th scope="col">{t('要求', 'Expected')}</th>
                  <th scope="col">{t('实际', 'Actual')}</th>
                  <th scope="col">{t('结果', 'Result')}</th>
                </tr>
              </thead>
              <tbody>
                {rule.conditions.map((c) => (
                  <tr key={c.place} class={c.withheld ? 'withheld' : c.passed ? 'passed' : 'failed'}>
                    <td>
                      <code>
                        {c.fact}
                        {c.path ? ` ${c.path}` : ''}
                      </code>
                    </td>
                    <td>{operator(c.operator)}</td>
                    <td>
                      <Json value={c.expected} />
                    </td>
                    <td data-testid="actual">
                      <Json value={c.actual} />
                    </td>
                    <td class="result">{c.withheld ? t('不予显示', 'not shown') : c.passed ? `✓ ${t('满足', 'met')}` : `✗ ${t('不满足', 'not met')}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {rule.evidence.length ? (
            <>
              <h4>{t('证据', 'Evidence')}</h4>
              <ul class="evidence">
                {rule.evidence.map((item, index) => {
                  const link = evidenceLink(head, item, label);
                  return (
                    <li key={index}>
                      <a href={link.href}>{link.text}</a>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function RecheckPanel({ id }: { id: string }) {
  const t = useT();
  const { lang } = useLang();
  const { session } = useSession();
  const [result, setResult] = useState<RecheckResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!may(session, 'evaluate')) return null;
  async function recheck() {
    setBusy(true);
    setError(null);
    try {
      setResult((await request(Recheck, { id }, session.token)).recheck);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('ERROR', String(caught)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="recheck no-print">
      <button type="button" onClick={recheck} disabled={busy}>
        复核 Recheck
      </button>
      {error ? <ErrorNote error={error} /> : null}
      {result ? (
        <div class="card" role="status" data-testid="recheck-result">
          <p>
            {result.sameDecision ? t('复核结论相同。', 'The recheck came to the same decision.') : t('复核结论不同。', 'The recheck came to a different decision.')}{' '}
            <a href={verdictHref(result.current.id)}>
              {t('新结论', 'New verdict')} <OutcomeBadge outcome={result.current.outcome} />
            </a>{' '}
            {formatTime(result.current.evaluatedAt, lang)}
          </p>
          {result.differences.length ? (
            <table class="list">
              <caption>{t('差异', 'Differences')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('项目', 'Field')}</th>
                  <th scope="col">{t('原结论', 'Before')}</th>
                  <th scope="col">{t('复核', 'After')}</th>
                </tr>
              </thead>
              <tbody>
                {result.differences.map((d) => (
                  <tr key={d.field}>
                    <td>
                      <code>{d.field}</code>
                    </td>
                    <td>
                      <Json value={d.before} />
                    </td>
                    <td>
                      <Json value={d.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('无差异。', 'No differences.')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A verdict whose records or rules changed after it was given: said in both languages at once, on
 * screen and on paper (a printed opinion travels without the console), with the recheck next to it
 * for the roles that may recheck. Printing is not refused: the printed opinion carries the warning.
 */
function StaleBanner({ id }: { id: string }) {
  return (
    <div class="stale-banner" role="status" data-testid="stale-banner">
      <p lang="zh-CN">
        <strong>此结论所依据的记录或规则已变更，结论可能已不适用，请复核。</strong>
      </p>
      <p lang="en">The records or rules this verdict rests on have changed since: recheck before relying on it.</p>
      <RecheckPanel id={id} />
    </div>
  );
}

function download(head: Head, explanation: Explanation | null) {
  const blob = new Blob([JSON.stringify({ ...head, explanation }, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `verdict-${head.id}.json`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function VerdictPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const id = useRoute().params.id ?? '';
  const head = useQuery(VerdictHead, { id }, session.token);
  const explained = useQuery(VerdictExplanation, { id }, session.token);
  const ready = head.state !== 'loading' && explained.state !== 'loading';
  useEffect(() => {
    // The browser test reads this mark: the moment the whole verdict is on screen.
    if (ready) performance.mark('verdict-shown');
  }, [ready]);

  return (
    <section class="verdict" data-ready={String(ready)}>
      <Show loaded={head}>
        {(data) => {
          const verdict = data.verdict;
          if (!verdict) return <ErrorNote error={new ApiError('NOT_FOUND', t('没有这个结论。', 'There is no such verdict.'))} />;
          const matter = data.ruleSet.matters.find((m) => m.code === verdict.matter);
          const explanation = explained.state === 'done' ? (explained.data.verdict?.explanation ?? null) : null;
          return (
            <>
              <header class="print-only opinion-head">
                <p class="opinion-title">政务诚信审查意见</p>
                <p>Integrity review opinion · 鄂州政发〔2018〕17号</p>
              </header>
              <h1>
                {t('评估结论', 'Verdict')} <OutcomeBadge outcome={verdict.outcome} large />
              </h1>
              <p class="verdict-id">
                {t('结论编号', 'Verdict id')}: <code data-testid="verdict-id">{verdict.id}</code>
              </p>
              {verdict.stale ? <StaleBanner id={verdict.id} /> : null}
              <dl class="facts card">
                <dt>{t('主体', 'Subject')}</dt>
                <dd>
                  {label(verdict.subjectType)} · <a href={subjectHref(verdict.subjectType, verdict.subjectId)}>{verdict.subject?.name ?? verdict.subjectId}</a>
                </dd>
                <dt>{t('事项', 'Matter')}</dt>
                <dd>
                  {matter ? matter.title[lang] : verdict.matter} ({verdict.matter})
                </dd>
                <dt>{t('评估日期', 'As of')}</dt>
                <dd>
                  {formatTime(verdict.asOf, lang)}
                  {explanation ? ` (${explanation.day})` : ''}
                </dd>
                <dt>{t('评估时间', 'Evaluated at')}</dt>
                <dd>
                  {formatTime(verdict.evaluatedAt, lang)}
                  {verdict.sweepRunId ? ` · ${t('由批量评估给出', 'given by a sweep')} (${verdict.sweepRunId})` : ''}
                </dd>
                <dt>{t('规则集版本', 'Rule-set version')}</dt>
                <dd>
                  <code class="version">{verdict.ruleSetVersion}</code>
                </dd>
                <dt>{t('参数文件', 'Parameters file')}</dt>
                <dd>{explanation ? explanation.parametersFile : '—'}</dd>
                {verdict.score != null ? (
                  <>
                    <dt>{t('得分', 'Score')}</dt>
                    <dd>{verdict.score}</dd>
                  </>
                ) : null}
                {verdict.recheckOf ? (
                  <>
                    <dt>{t('复核自', 'Recheck of')}</dt>
                    <dd>
                      <a href={verdictHref(verdict.recheckOf)}>{verdict.recheckOf}</a>
                    </dd>
                  </>
                ) : null}
              </dl>
              <div class="actions no-print">
                {verdict.stale ? null : <RecheckPanel id={verdict.id} />}
                <button type="button" onClick={() => window.print()}>
                  {t('打印审查意见', 'Print review opinion')}
                </button>
                <button type="button" onClick={() => download(verdict, explanation)}>
                  {t('下载', 'Download')} JSON
                </button>
              </div>
              <h2>{t('适用措施', 'Measures')}</h2>
              {verdict.measures.length ? (
                <ul class="measures">
                  {verdict.measures.map((m) => (
                    <li key={m.ruleId} class="card">
                      <p class="measure">
                        {label(m.effect)}：{m.measure[lang]}
                        {m.points != null ? ` (${m.points} ${t('分', 'points')})` : ''}
                        {m.mitigation ? ` · ${t('从轻规则（三(七)）', 'mitigating rule (三(七))')}` : ''}
                        {m.mitigatedBy
                          ? ` · ${t('依三(七)从轻', 'lightened under 三(七)')}: ${label(m.mitigatedBy.from)} → ${m.mitigatedBy.to ? label(m.mitigatedBy.to) : t('免于实施', 'waived')} (${m.mitigatedBy.byRule})`
                          : ''}
                      </p>
                      {m.basis.map((b) => (
                        <blockquote key={b.clause}>
                          <p>
                            {b.document} <strong class="clause">{b.clause}</strong>
                          </p>
                          <p>{b.quote}</p>
                        </blockquote>
                      ))}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('无适用措施。', 'No measure applies.')}</p>
              )}
              <Show loaded={explained}>
                {() =>
                  explanation ? (
                    <>
                      <h2>{t('说明', 'Summary')}</h2>
                      <p class="summary">{lang === 'zh' ? explanation.summaryZh : explanation.summaryEn}</p>
                      <h2>{t('逐条规则', 'Every rule')}</h2>
                      <Rules head={verdict} explanation={explanation} />
                    </>
                  ) : null
                }
              </Show>
              <footer class="print-only opinion-foot">
                {verdict.stale ? <p class="stale-foot">此结论所依据的记录或规则已变更，请复核后再使用。The records or rules this verdict rests on have changed since: recheck before relying on it.</p> : null}
                <p>
                  结论编号 Verdict id: {verdict.id} · 规则集版本 {verdict.ruleSetVersion}
                </p>
              </footer>
            </>
          );
        }}
      </Show>
    </section>
  );
}
