import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
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

/**
 * The search the page shows: the name (a person's, for civil servants), the USCC and the page
 * cursor stay in the page and in this tab's sessionStorage, never in the URL, which the browser
 * keeps in its history and offers back to whoever types an address next on a shared computer, long
 * after signing out. Kept in sessionStorage, the search is there again when the user comes back
 * from a subject, and gone with the tab or when the user signs out (session.ts forgets
 * "chengxin.search:" keys). Only the subject type, no one's data, is in the URL.
 */
const SEARCH_KEY = 'chengxin.search:subjects';

interface Search {
  segment: string;
  name: string;
  uscc: string;
  after: string | null;
}

function loadSearch(segment: string): Search {
  let kept: Partial<Search> = {};
  try {
    kept = JSON.parse(sessionStorage.getItem(SEARCH_KEY) ?? '{}') as Partial<Search>;
  } catch {
    // Not ours to read: start afresh.
  }
  const name = typeof kept.name === 'string' ? kept.name : '';
  const uscc = typeof kept.uscc === 'string' ? kept.uscc : '';
  // A cursor belongs to the list of the type it was read from.
  const after = kept.segment === segment && typeof kept.after === 'string' ? kept.after : null;
  return { segment, name, uscc, after };
}

function saveSearch(search: Search): void {
  sessionStorage.setItem(SEARCH_KEY, JSON.stringify(search));
}

export function SubjectsPage() {
  const t = useT();
  const label = useLabel();
  const { session } = useSession();
  const { query, route } = useLocation();
  const segment = query.type && SEGMENT_TYPE[query.type] ? query.type : 'civil-servant';
  const type = SEGMENT_TYPE[segment];
  // A link from an earlier console carried the search in the URL (?q=…): it is taken into the page
  // and the URL replaced by one without it, so this history entry no longer holds the name.
  const inUrl = query.q !== undefined || query.uscc !== undefined || query.after !== undefined;
  const [search, setSearch] = useState<Search>(() => {
    const kept = loadSearch(segment);
    if (!inUrl) return kept;
    const fromUrl = { segment, name: query.q ?? '', uscc: query.uscc ?? '', after: query.after || null };
    saveSearch(fromUrl);
    return fromUrl;
  });
  useEffect(() => {
    if (inUrl) route(`${BASE}/subjects?type=${segment}`, true);
  }, [inUrl, segment]);
  // The type in the URL decides; a search kept for another type keeps its text, not its page.
  const applied = search.segment === segment ? search : { ...search, segment, after: null };
  const { name, uscc, after } = applied;
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
    const kept: Search = { segment: next.segment, name: next.name, uscc: next.segment !== 'civil-servant' ? next.uscc : '', after: next.after ?? null };
    saveSearch(kept);
    setSearch(kept);
    if (next.segment !== segment) route(`${BASE}/subjects?type=${next.segment}`);
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
                {after ? (
                  <button type="button" onClick={() => go({ segment, name, uscc })}>
                    {t('第一页', 'First page')}
                  </button>
                ) : null}
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
