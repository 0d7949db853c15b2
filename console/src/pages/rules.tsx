import { useState } from 'preact/hooks';
import { ApiError, request, useQuery } from '../api';
import { graphql, type ResultOf } from '../graphql';
import { useLabel, useLang, useOperator, useT } from '../i18n';
import { may } from '../session';
import { ErrorNote, OutcomeBadge, Show, dayToInstant, formatTime, subjectHref, useSession } from '../ui';

const RuleSet = graphql(`
  query RuleSet {
    ruleSet {
      version loadedAt
      errors { file line column zh en }
      matters { code title { zh en } subjectTypes }
      rules { id file subjectType effect effectiveFrom effectiveTo matters conditions title { zh en } measure { zh en } basis { document clause quote } }
    }
  }
`);

const PreviewRules = graphql(`
  mutation PreviewRules($files: [DraftFileInput!]!, $matter: String, $asOf: DateTime) {
    previewRules(files: $files, matter: $matter, asOf: $asOf) {
      currentVersion draftVersion day changedTotal
      matters { matter evaluated changed transitions }
      changes { matter subjectType subjectId subjectName rules before { outcome measures score } after { outcome measures score } }
    }
  }
`);

type Report = ResultOf<typeof PreviewRules>['previewRules'];
type Matter = { code: string; title: { zh: string; en: string } };

/** A rule's condition tree in words: all / any / not, down to "fact path operator value". */
function ConditionWords({ node }: { node: unknown }) {
  const t = useT();
  const operator = useOperator();
  if (!node || typeof node !== 'object') return <code>{JSON.stringify(node)}</code>;
  const tree = node as Record<string, unknown>;
  const group = (heading: string, children: unknown[]) => (
    <>
      {heading}
      <ul>
        {children.map((child, index) => (
          <li key={index}>
            <ConditionWords node={child} />
          </li>
        ))}
      </ul>
    </>
  );
  if (Array.isArray(tree.all)) return group(t('以下全部成立：', 'all of these hold:'), tree.all);
  if (Array.isArray(tree.any)) return group(t('以下任一成立：', 'any of these holds:'), tree.any);
  if (tree.not) return group(t('以下不成立：', 'this does not hold:'), [tree.not]);
  return (
    <span>
      <code>
        {String(tree.fact)}
        {tree.path ? ` ${String(tree.path)}` : ''}
      </code>{' '}
      {operator(String(tree.operator))} <code>{JSON.stringify(tree.value)}</code>
    </span>
  );
}

interface Draft {
  path: string;
  content: string;
}

/** A chosen file's path in the rules folder: from the folder picked, or the shipped file of the same name. */
function draftPath(file: File, known: readonly string[]): string {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  if (relative) return relative.split('/').slice(1).join('/');
  return known.find((path) => path === file.name || path.endsWith(`/${file.name}`)) ?? file.name;
}

function DraftPreview({ files: known, matters }: { files: readonly string[]; matters: readonly Matter[] }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [matter, setMatter] = useState('');
  const [day, setDay] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(list: FileList | null) {
    const chosen = Array.from(list ?? []).filter((f) => /\.(json|graphql)$/.test(f.name));
    setDrafts(await Promise.all(chosen.map(async (file) => ({ path: draftPath(file, known), content: await file.text() }))));
    setReport(null);
  }

  async function preview(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const result = await request(PreviewRules, { files: drafts, matter: matter || null, asOf: day ? dayToInstant(day) : null }, session.token);
      setReport(result.previewRules);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('ERROR', String(caught)));
    } finally {
      setBusy(false);
    }
  }

  const title = (code: string) => matters.find((m) => m.code === code)?.title[lang] ?? code;
  const byMatter = new Map<string, Report['changes'][number][]>();
  for (const change of report?.changes ?? []) byMatter.set(change.matter, [...(byMatter.get(change.matter) ?? []), change]);

  return (
    <form class="card" onSubmit={preview} aria-labelledby="draft-heading">
      <h2 id="draft-heading">{t('草案预览', 'Preview a draft')}</h2>
      <p class="help">{t('选择修改后的规则文件（或整个文件夹），查看哪些主体的结论会改变。不保存任何内容。', 'Choose changed rule files (or a whole folder) to see whose outcome would change. Nothing is stored.')}</p>
      <div class="field">
        <label for="draft-files">{t('草案文件', 'Draft files')}</label>
        <input id="draft-files" type="file" multiple accept=".json,.graphql" onChange={(e) => choose(e.currentTarget.files)} />
      </div>
      <div class="field">
        <label for="draft-folder">{t('或草案文件夹', 'Or a draft folder')}</label>
        <input id="draft-folder" type="file" {...{ webkitdirectory: '' }} onChange={(e) => choose(e.currentTarget.files)} />
      </div>
      {drafts.length ? (
        <fieldset>
          <legend>{t('文件在规则文件夹中的路径', 'Path of each file in the rules folder')}</legend>
          {drafts.map((draft, index) => (
            <div class="field" key={index}>
              <label for={`draft-path-${index}`}>{t(`文件 ${index + 1}`, `File ${index + 1}`)}</label>
              <input id={`draft-path-${index}`} value={draft.path} onInput={(e) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, path: e.currentTarget.value } : d)))} />
            </div>
          ))}
        </fieldset>
      ) : null}
      <div class="field">
        <label for="draft-matter">{t('事项', 'Matter')}</label>
        <select id="draft-matter" value={matter} onChange={(e) => setMatter(e.currentTarget.value)}>
          <option value="">{t('全部事项', 'Every matter')}</option>
          {matters.map((m) => (
            <option key={m.code} value={m.code}>
              {m.title[lang]} ({m.code})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="draft-day">{t('评估日期（默认今天）', 'As of (default today)')}</label>
        <input id="draft-day" type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <button type="submit" disabled={busy || !drafts.length}>
        {busy ? t('预览中…', 'Previewing…') : t('预览', 'Preview')}
      </button>
      {error ? <ErrorNote error={error} /> : null}
      {report ? (
        <div data-testid="preview-report" role="status">
          <p>
            {t('现行版本', 'Current version')} <code>{report.currentVersion.slice(0, 12)}</code> → {t('草案版本', 'draft version')} <code>{report.draftVersion.slice(0, 12)}</code> · {report.day} ·{' '}
            <strong>{t(`${report.changedTotal} 个主体的结论会改变`, `${report.changedTotal} subject(s) would change`)}</strong>
          </p>
          <table class="list">
            <caption>{t('按事项', 'By matter')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('事项', 'Matter')}</th>
                <th scope="col">{t('评估数', 'Evaluated')}</th>
                <th scope="col">{t('改变数', 'Changed')}</th>
                <th scope="col">{t('变化', 'Transitions')}</th>
              </tr>
            </thead>
            <tbody>
              {report.matters.map((m) => (
                <tr key={m.matter}>
                  <td>{title(m.matter)}</td>
                  <td>{m.evaluated}</td>
                  <td>{m.changed}</td>
                  <td>
                    {Object.entries(m.transitions)
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join('; ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {[...byMatter].map(([code, changes]) => (
            <table class="list" key={code} data-matter={code}>
              <caption>
                {title(code)} ({code}) — {t('改变的主体', 'subjects that change')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('主体', 'Subject')}</th>
                  <th scope="col">{t('现行', 'Now')}</th>
                  <th scope="col">{t('草案', 'Draft')}</th>
                  <th scope="col">{t('规则', 'Rules')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={`${c.subjectType}-${c.subjectId}`} data-testid="changed-subject">
                    <td>
                      {label(c.subjectType)} · <a href={subjectHref(c.subjectType, c.subjectId)}>{c.subjectName}</a>
                    </td>
                    <td>
                      <OutcomeBadge outcome={c.before.outcome} />
                    </td>
                    <td>
                      <OutcomeBadge outcome={c.after.outcome} />
                    </td>
                    <td>{c.rules.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      ) : null}
    </form>
  );
}

export function RulesPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const loaded = useQuery(RuleSet, {}, session.token);
  return (
    <section>
      <h1>{t('规则', 'Rules')}</h1>
      <Show loaded={loaded}>
        {({ ruleSet }) => (
          <>
            <dl class="facts card">
              <dt>{t('现行版本', 'Version in force')}</dt>
              <dd>
                <code class="version">{ruleSet.version}</code>
              </dd>
              <dt>{t('加载时间', 'Loaded at')}</dt>
              <dd>{formatTime(ruleSet.loadedAt, lang)}</dd>
            </dl>
            <h2>{t('文件问题', 'Problems in the files')}</h2>
            {ruleSet.errors.length ? (
              <ul class="problems" role="list">
                {ruleSet.errors.map((e, i) => (
                  <li key={i} class="error">
                    <code>
                      {e.file}:{e.line}:{e.column}
                    </code>{' '}
                    {lang === 'zh' ? e.zh : e.en}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('无。规则文件夹中的文件均可加载。', 'None: every file in the rules folder loads.')}</p>
            )}
            {may(session, 'manageRules') ? <DraftPreview files={ruleSet.rules.map((r) => r.file)} matters={ruleSet.matters} /> : null}
            <h2>{t(`规则（${ruleSet.rules.length} 条）`, `Rules (${ruleSet.rules.length})`)}</h2>
            <ol class="rules">
              {ruleSet.rules.map((rule) => (
                <li key={rule.id} class="card rule">
                  <h3>{rule.title[lang]}</h3>
                  <p class="muted">
                    <code>{rule.id}</code> · {rule.file}
                  </p>
                  <p>
                    {t('主体', 'Subject')}：{label(rule.subjectType)} · {t('事项', 'Matters')}：
                    {rule.matters.map((code) => ruleSet.matters.find((m) => m.code === code)?.title[lang] ?? code).join('、')} · {t('效果', 'Effect')}：{label(rule.effect)} ·{' '}
                    {t('有效期', 'In effect')}：{rule.effectiveFrom} – {rule.effectiveTo ?? t('长期', 'open')}
                  </p>
                  <ul class="basis">
                    {rule.basis.map((b) => (
                      <li key={b.clause}>
                        {b.document} <strong>{b.clause}</strong>：{b.quote}
                      </li>
                    ))}
                  </ul>
                  <div class="condition-words">
                    {t('适用条件', 'Applies when')} <ConditionWords node={rule.conditions} />
                  </div>
                  <p>
                    {t('措施', 'Measure')}：{rule.measure[lang]}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </Show>
    </section>
  );
}
