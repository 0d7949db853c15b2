import { useQuery } from '../api';
import { graphql } from '../graphql';
import { useLabel, useLang, useT } from '../i18n';
import { OutcomeBadge, Show, formatTime, shortVersion, subjectHref, useSession } from '../ui';

const SweepRuns = graphql(`
  query SweepRuns {
    sweepRuns(first: 20) {
      totalCount
      edges {
        node {
          id matter status day startedAt finishedAt startedBy ruleSetVersion subjects chunks counts failed subjectTypes
          errors(first: 20) { totalCount edges { node { subjectType subjectId reason } } }
        }
      }
    }
  }
`);

export function SweepsPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const loaded = useQuery(SweepRuns, {}, session.token);
  return (
    <section>
      <h1>{t('批量评估', 'Sweeps')}</h1>
      <p class="help">
        {t('批量评估在命令行启动：', 'Sweeps are started from a terminal:')} <code>npx chengxin evaluate --all --matter PROMOTION</code>
      </p>
      <Show loaded={loaded}>
        {({ sweepRuns }) =>
          sweepRuns.edges.length ? (
            <ol class="sweeps">
              {sweepRuns.edges.map(({ node: run }) => (
                <li key={run.id} class="card">
                  <h2>
                    {run.matter} · {run.day} · <span class={`status status-${run.status.toLowerCase()}`}>{label(run.status)}</span>
                  </h2>
                  <dl class="facts">
                    <dt>{t('编号', 'Id')}</dt>
                    <dd>
                      <code>{run.id}</code>
                    </dd>
                    <dt>{t('主体类型', 'Subject types')}</dt>
                    <dd>{run.subjectTypes.map(label).join('、')}</dd>
                    <dt>{t('进度', 'Progress')}</dt>
                    <dd>
                      {run.status === 'COMPLETED'
                        ? t(`已完成 ${run.subjects} 个主体（${run.chunks} 批）`, `${run.subjects} subjects done (${run.chunks} chunks)`)
                        : run.status === 'CANCELLED'
                          ? t(`已取消：计划 ${run.subjects} 个主体，${run.chunks} 批`, `cancelled: ${run.subjects} subjects in ${run.chunks} chunks were planned`)
                          : run.status === 'FAILED'
                            ? t(`失败：计划 ${run.subjects} 个主体，${run.chunks} 批；用 --resume ${run.id} 继续`, `failed: ${run.subjects} subjects in ${run.chunks} chunks were planned; resume with --resume ${run.id}`)
                          : t(`进行中：${run.subjects} 个主体，${run.chunks} 批`, `running: ${run.subjects} subjects in ${run.chunks} chunks`)}
                    </dd>
                    <dt>{t('开始', 'Started')}</dt>
                    <dd>
                      {formatTime(run.startedAt, lang)}{run.startedBy ? ` · ${run.startedBy}` : ''}
                    </dd>
                    <dt>{t('结束', 'Finished')}</dt>
                    <dd>{formatTime(run.finishedAt, lang)}</dd>
                    <dt>{t('规则集版本', 'Rule-set version')}</dt>
                    <dd>
                      <code>{shortVersion(run.ruleSetVersion)}</code>
                    </dd>
                    <dt>{t('结论分布', 'Outcomes')}</dt>
                    <dd>
                      {run.counts
                        ? Object.entries(run.counts).map(([outcome, count]) => (
                            <span key={outcome} class="count">
                              <OutcomeBadge outcome={outcome} /> {String(count)}
                            </span>
                          ))
                        : '—'}
                    </dd>
                    <dt>{t('失败', 'Failed')}</dt>
                    <dd>{run.failed ?? '—'}</dd>
                  </dl>
                  {run.errors.edges.length ? (
                    <table class="list">
                      <caption>{t(`未能评估的主体（${run.errors.totalCount}）`, `Subjects not evaluated (${run.errors.totalCount})`)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('主体', 'Subject')}</th>
                          <th scope="col">{t('原因', 'Reason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {run.errors.edges.map(({ node }) => (
                          <tr key={node.subjectId}>
                            <td>
                              <a href={subjectHref(node.subjectType, node.subjectId)}>
                                {label(node.subjectType)} {node.subjectId}
                              </a>
                            </td>
                            <td>{node.reason}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('尚无批量评估。', 'No sweeps yet.')}</p>
          )
        }
      </Show>
    </section>
  );
}
