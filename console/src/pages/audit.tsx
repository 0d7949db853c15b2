import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useQuery } from '../api';
import { graphql } from '../graphql';
import { useLabel, useLang, useT } from '../i18n';
import { BASE, Show, formatTime, subjectHref, useSession, verdictHref } from '../ui';

const AuditEvents = graphql(`
  query AuditEvents($filter: AuditEventFilter, $after: String) {
    auditEvents(first: 100, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action actor role outcome subjectType subjectId targetId createdAt } }
    }
  }
`);

const ACTIONS = [
  'CREATE_RECORD', 'DECIDE_OBJECTION', 'DECIDE_REPAIR', 'EVALUATE', 'FILE_OBJECTION', 'LIST_SUBJECT', 'PREVIEW_RULES', 'READ_EXPLANATION', 'RECHECK',
  'RECORD_BREACH_FINDING', 'RECORD_COMMITMENT', 'RECORD_COURT_CASE', 'REGISTER_SUBJECT', 'RELOAD_RULES', 'REMOVE_FROM_LIST', 'REQUEST_REPAIR', 'SETTLE_COMMITMENT', 'SWEEP', 'UPDATE_COMMITMENT', 'UPDATE_COURT_CASE', 'UPDATE_SUBJECT',
] as const;
type Action = (typeof ACTIONS)[number];

/** Actions whose target is a verdict, so the trail links to it. */
const ON_VERDICTS: readonly string[] = ['EVALUATE', 'RECHECK', 'READ_EXPLANATION'];


export function AuditPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const { query, route } = useLocation();
  const applied = { actor: query.actor ?? '', action: query.action ?? '', subject: query.subject ?? '', from: query.from ?? '', to: query.to ?? '' };
  const [form, setForm] = useState(applied);
  const action = (ACTIONS as readonly string[]).includes(applied.action) ? (applied.action as Action) : null;
  const filter = { actor: applied.actor || null, action, subjectId: applied.subject || null, from: applied.from || null, to: applied.to || null };
  const loaded = useQuery(AuditEvents, { filter, after: query.after || null }, session.token);

  function apply(event: Event) {
    event.preventDefault();
    const params = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
    route(`${BASE}/audit?${params}`);
  }

  return (
    <section>
      <h1>{t('审计记录', 'Audit trail')}</h1>
      <form class="card search" onSubmit={apply} aria-label={t('筛选', 'Filter')}>
        <div class="field">
          <label for="audit-actor">{t('操作人', 'Actor')}</label>
          <input id="audit-actor" value={form.actor} onInput={(e) => setForm({ ...form, actor: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="audit-action">{t('操作', 'Action')}</label>
          <select id="audit-action" value={form.action} onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}>
            <option value="">{t('全部', 'Any')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-subject">{t('主体编号', 'Subject id')}</label>
          <input id="audit-subject" value={form.subject} onInput={(e) => setForm({ ...form, subject: e.currentTarget.value.trim() })} />
        </div>
        <div class="field">
          <label for="audit-from">{t('起始日期', 'From')}</label>
          <input id="audit-from" type="date" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="audit-to">{t('截止日期', 'To')}</label>
          <input id="audit-to" type="date" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </div>
        <button type="submit">{t('筛选', 'Filter')}</button>
      </form>
      <Show loaded={loaded}>
        {({ auditEvents }) => {
          const rows = auditEvents.edges;
          return (
            <>
              <p aria-live="polite">
                {t(`共 ${auditEvents.totalCount} 条`, `${auditEvents.totalCount} events`)}
              </p>
              <table class="list">
                <thead>
                  <tr>
                    <th scope="col">{t('时间', 'When')}</th>
                    <th scope="col">{t('操作人', 'Actor')}</th>
                    <th scope="col">{t('角色', 'Role')}</th>
                    <th scope="col">{t('操作', 'Action')}</th>
                    <th scope="col">{t('主体', 'Subject')}</th>
                    <th scope="col">{t('对象', 'Target')}</th>
                    <th scope="col">{t('结果', 'Outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ node }) => (
                    <tr key={node.id} data-testid="audit-row">
                      <td>{formatTime(node.createdAt, lang)}</td>
                      <td>{node.actor}</td>
                      <td>{node.role}</td>
                      <td>{node.action}</td>
                      <td>{node.subjectType && node.subjectId ? <a href={subjectHref(node.subjectType, node.subjectId)}>{label(node.subjectType)}</a> : '—'}</td>
                      <td>
                        {node.targetId && ON_VERDICTS.includes(node.action) ? (
                          <a href={verdictHref(node.targetId)}>
                            <code>{node.targetId}</code>
                          </a>
                        ) : (
                          <code>{node.targetId ?? '—'}</code>
                        )}
                      </td>
                      <td>{node.outcome}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {auditEvents.pageInfo.hasNextPage && auditEvents.pageInfo.endCursor ? (
                <p class="pager">
                  <button type="button" onClick={() => route(`${BASE}/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(applied).filter(([, v]) => v)), after: auditEvents.pageInfo.endCursor ?? '' })}`)}>
                    {t('下一页', 'Next page')}
                  </button>
                </p>
              ) : null}
            </>
          );
        }}
      </Show>
    </section>
  );
}
