import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useQuery } from '../api';
import { graphql } from '../graphql';
import { useLabel, useT } from '../i18n';
import { BASE, SEGMENT_TYPE, Show, subjectHref, useSession } from '../ui';

const SearchSubjects = graphql(`
  query SearchSubjects($agency: Boolean!, $servant: Boolean!, $enterprise: Boolean!, $name: String, $uscc: String, $after: String) {
    agencies(first: 20, after: $after, filter: { nameContains: $name, uscc: $uscc }) @include(if: $agency) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name uscc level } }
    }
    civilServants(first: 20, after: $after, filter: { nameContains: $name }) @include(if: $servant) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name post rank agency { name } } }
    }
    enterprises(first: 20, after: $after, filter: { nameContains: $name, uscc: $uscc }) @include(if: $enterprise) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name uscc creditGrade } }
    }
  }
`);

interface Row {
  id: string;
  name: string;
  detail: string;
}

export function SubjectsPage() {
  const t = useT();
  const label = useLabel();
  const { session } = useSession();
  const { query, route } = useLocation();
  const segment = query.type && SEGMENT_TYPE[query.type] ? query.type : 'civil-servant';
  const type = SEGMENT_TYPE[segment];
  const name = query.q ?? '';
  const uscc = query.uscc ?? '';
  const after = query.after || null;
  const [form, setForm] = useState({ segment, name, uscc });

  const loaded = useQuery(
    SearchSubjects,
    {
      agency: type === 'AGENCY',
      servant: type === 'CIVIL_SERVANT',
      enterprise: type === 'ENTERPRISE',
      name: name || null,
      uscc: type !== 'CIVIL_SERVANT' && uscc ? uscc : null,
      after,
    },
    session.token,
  );

  function go(next: { segment: string; name: string; uscc: string; after?: string }) {
    const params = new URLSearchParams({ type: next.segment });
    if (next.name) params.set('q', next.name);
    if (next.uscc && next.segment !== 'civil-servant') params.set('uscc', next.uscc);
    if (next.after) params.set('after', next.after);
    route(`${BASE}/subjects?${params}`);
  }

  return (
    <section>
      <h1>{t('主体查询', 'Subjects')}</h1>
      <form
        class="card search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go(form);
        }}
      >
        <div class="field">
          <label for="subject-type">{t('主体类型', 'Type')}</label>
          <select id="subject-type" value={form.segment} onChange={(e) => setForm({ ...form, segment: e.currentTarget.value })}>
            <option value="agency">{label('AGENCY')}</option>
            <option value="civil-servant">{label('CIVIL_SERVANT')}</option>
            <option value="enterprise">{label('ENTERPRISE')}</option>
          </select>
        </div>
        <div class="field">
          <label for="subject-name">{t('名称包含', 'Name contains')}</label>
          <input id="subject-name" type="search" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </div>
        {form.segment !== 'civil-servant' ? (
          <div class="field">
            <label for="subject-uscc">{t('统一社会信用代码', 'USCC')}</label>
            <input id="subject-uscc" value={form.uscc} maxLength={18} onInput={(e) => setForm({ ...form, uscc: e.currentTarget.value.trim() })} />
          </div>
        ) : null}
        <button type="submit">{t('查询', 'Search')}</button>
      </form>
      <Show loaded={loaded}>
        {(data) => {
          const connection = data.agencies ?? data.civilServants ?? data.enterprises;
          if (!connection) return null;
          const rows: Row[] = data.agencies
            ? data.agencies.edges.map(({ node }) => ({ id: node.id, name: node.name, detail: `${node.uscc} · ${label(node.level)}` }))
            : data.civilServants
              ? data.civilServants.edges.map(({ node }) => ({ id: node.id, name: node.name, detail: `${node.agency.name} · ${node.post} · ${node.rank}` }))
              : (data.enterprises?.edges ?? []).map(({ node }) => ({ id: node.id, name: node.name, detail: `${node.uscc} · ${t('信用等级', 'grade')} ${node.creditGrade ?? '—'}` }));
          return (
            <>
              <p aria-live="polite">{t(`共 ${connection.totalCount} 个`, `${connection.totalCount} found`)}</p>
              <table class="list">
                <caption class="visually-hidden">{label(type)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('名称', 'Name')}</th>
                    <th scope="col">{t('概况', 'Details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <a href={subjectHref(type, row.id)} data-testid="subject-link">
                          {row.name}
                        </a>
                      </td>
                      <td>{row.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="pager">
                {after ? <a href={`${BASE}/subjects?type=${segment}${name ? `&q=${encodeURIComponent(name)}` : ''}`}>{t('第一页', 'First page')}</a> : null}
                {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
                  <button type="button" onClick={() => go({ segment, name, uscc, after: connection.pageInfo.endCursor ?? undefined })}>
                    {t('下一页', 'Next page')}
                  </button>
                ) : null}
              </p>
            </>
          );
        }}
      </Show>
    </section>
  );
}
