import { request } from '../api';
import { graphql, type ResultOf } from '../graphql';
import { useLang, useT } from '../i18n';
import { usePaged } from '../paged';
import { OutcomeBadge, PagedTable, formatTime, shortVersion, useSession, verdictHref } from '../ui';

const SubjectVerdicts = graphql(`
  query SubjectVerdicts($subject: SubjectInput!, $first: Int!, $after: String) {
    verdicts(subject: $subject, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { node { id outcome matter asOf evaluatedAt ruleSetVersion recheckOf stale } }
    }
  }
`);

type Verdict = ResultOf<typeof SubjectVerdicts>['verdicts']['edges'][number]['node'];

export const VERDICTS_PER_PAGE = 50;

/** The subject's verdicts, newest first, a page at a time; a verdict whose records or rules changed since is marked stale. */
export function SubjectVerdictList({ type, id, matters }: { type: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE'; id: string; matters: readonly { code: string; title: { zh: string; en: string } }[] }) {
  const t = useT();
  const { lang } = useLang();
  const { session } = useSession();
  const verdicts = usePaged<Verdict>(
    async (after) => (await request(SubjectVerdicts, { subject: { type, id }, first: VERDICTS_PER_PAGE, after }, session.token)).verdicts,
    JSON.stringify([type, id, session.token]),
  );
  return (
    <PagedTable
      paged={verdicts}
      what="verdicts"
      empty={t('暂无结论。', 'No verdicts yet.')}
      headers={[t('结论', 'Outcome'), t('事项', 'Matter'), t('评估日期', 'As of'), t('评估时间', 'Evaluated'), t('规则版本', 'Rules')]}
      row={(node) => (
        <tr key={node.id} class={node.stale ? 'stale-row' : undefined} data-stale={String(node.stale)}>
          <td>
            <a href={verdictHref(node.id)} data-testid="verdict-link">
              <OutcomeBadge outcome={node.outcome} />
            </a>
            {node.stale ? (
              <span class="tag tag-stale" title={t('所依据的记录或规则已变更，请复核', 'The records or rules it rests on changed since: recheck')}>
                {t('需复核', 'stale')}
              </span>
            ) : null}
          </td>
          <td>{matters.find((m) => m.code === node.matter)?.title[lang] ?? node.matter}</td>
          <td>{formatTime(node.asOf, lang)}</td>
          <td>{formatTime(node.evaluatedAt, lang)}</td>
          <td>
            <code>{shortVersion(node.ruleSetVersion)}</code>
          </td>
        </tr>
      )}
    />
  );
}
