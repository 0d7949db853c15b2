import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiError, Loaded } from './api';
import type { Paged } from './paged';
import { useLabel, useT } from './i18n';
import { PUBLIC_SESSION, type Session } from './session';

export const BASE = '/console';

/** signIn takes a token the server has just accepted. */
export const SessionContext = createContext<{ session: Session; signIn(token: string): void; signOut(): void }>({
  session: PUBLIC_SESSION,
  signIn: () => {},
  signOut: () => {},
});

export function useSession() {
  return useContext(SessionContext);
}

/** The URL segment of each subject type, and back. */
export const TYPE_SEGMENT: Record<string, string> = { AGENCY: 'agency', CIVIL_SERVANT: 'civil-servant', ENTERPRISE: 'enterprise' };
export const SEGMENT_TYPE: Record<string, 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE'> = { agency: 'AGENCY', 'civil-servant': 'CIVIL_SERVANT', enterprise: 'ENTERPRISE' };

export function subjectHref(type: string, id: string): string {
  return `${BASE}/subjects/${TYPE_SEGMENT[type] ?? type.toLowerCase()}/${encodeURIComponent(id)}`;
}

export function verdictHref(id: string): string {
  return `${BASE}/verdicts/${encodeURIComponent(id)}`;
}

const KNOWN_OUTCOMES = ['ELIGIBLE', 'CAUTION', 'RESTRICTED', 'DISQUALIFIED', 'NO_RULE_IN_FORCE'];

/** An outcome as a coloured badge; an outcome the console does not know yet is shown neutral. */
export function OutcomeBadge({ outcome, large = false }: { outcome: string; large?: boolean }) {
  const label = useLabel();
  const known = KNOWN_OUTCOMES.includes(outcome) ? outcome.toLowerCase() : 'unknown';
  return (
    <span class={`outcome outcome-${known}${large ? ' outcome-large' : ''}`} data-outcome={outcome}>
      {label(outcome)}
      {large && label(outcome) !== outcome ? <span class="outcome-code"> {outcome}</span> : null}
    </span>
  );
}

/** Explains a refusal in the reader's words: a role that may not see, a thing that is not there, or the API's message. */
export function ErrorNote({ error }: { error: ApiError }) {
  const t = useT();
  const lead =
    error.token === 'expired'
      ? t('令牌已过期，请重新登录。', 'The token has expired: sign in again.')
      : error.token === 'invalid'
        ? t('令牌无效，请重新登录。', 'The token is not valid here: sign in again.')
        : error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED'
      ? t('您的角色无权查看或执行此操作。', 'Your role may not see or do this.')
      : error.code === 'NOT_FOUND'
        ? t('未找到。', 'Not found.')
        : error.code === 'NETWORK'
          ? ''
          : t('请求未完成。', 'The request did not go through.');
  return (
    <div class="error" role="alert" data-code={error.code}>
      {lead} <span class="error-message">{error.message}</span> <code>{error.code}</code>
    </div>
  );
}

/** Shows a query's result, its loading state or its error. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const t = useT();
  if (loaded.state === 'loading') return <p class="loading" aria-live="polite">{t('加载中…', 'Loading…')}</p>;
  if (loaded.state === 'error') return <ErrorNote error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

export function formatTime(value: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

export function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A day (China Standard Time) as the start of that day, as the API's DateTime wants it. */
export function dayToInstant(day: string): string {
  return `${day}T00:00:00+08:00`;
}

export function shortVersion(version: string): string {
  return version.length > 12 ? version.slice(0, 12) : version;
}

export function Json({ value }: { value: unknown }) {
  if (value === undefined) return <span class="muted">—</span>;
  return <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

/**
 * A list read a page at a time (usePaged): its loading state or refusal; `empty` when it has no items;
 * else the items as `children` draws them, how many are shown of how many, and the button that fetches
 * the next page (data-testid `more-<what>`). A failed page keeps the ones already shown and says why
 * next to the button.
 */
export function PagedList<Node>({ paged, what, empty, children }: { paged: Paged<Node> & { more(): void }; what: string; empty: string; children: (nodes: Node[]) => ComponentChildren }) {
  const t = useT();
  const loaded = paged.state === 'done' ? { state: 'done' as const, data: paged } : paged;
  return (
    <Show loaded={loaded}>
      {(page) =>
        page.nodes.length ? (
          <>
            {children(page.nodes)}
            <div class="more no-print" data-testid={`more-${what}`}>
              <p class="muted" aria-live="polite">
                {t(`已显示 ${page.nodes.length} / ${page.totalCount} 项`, `Showing ${page.nodes.length} of ${page.totalCount}`)}
              </p>
              {page.hasNextPage ? (
                <button type="button" onClick={paged.more} disabled={page.loadingMore}>
                  {page.loadingMore ? t('加载中…', 'Loading…') : t('显示更多', 'Show more')}
                </button>
              ) : null}
              {page.moreError ? <ErrorNote error={page.moreError} /> : null}
            </div>
          </>
        ) : (
          <p>{empty}</p>
        )
      }
    </Show>
  );
}

/** A paged list as a table (data-testid `what`): a header cell per column, a row per item. */
export function PagedTable<Node>({ paged, what, empty, headers, row }: { paged: Paged<Node> & { more(): void }; what: string; empty: string; headers: string[]; row: (node: Node) => ComponentChildren }) {
  return (
    <PagedList paged={paged} what={what} empty={empty}>
      {(nodes) => (
        <table class="list" data-testid={what}>
          <thead>
            <tr>
              {headers.map((header) => (
                <th scope="col" key={header}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{nodes.map(row)}</tbody>
        </table>
      )}
    </PagedList>
  );
}
