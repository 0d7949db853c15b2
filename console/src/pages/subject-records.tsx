import { readFragment } from 'gql.tada';
import { request } from '../api';
import { graphql, type ResultOf } from '../graphql';
import { useLabel, useLang, useT } from '../i18n';
import { usePaged } from '../paged';
import { may } from '../session';
import { PagedList, formatTime, useSession } from '../ui';

const RecordFields = graphql(`
  fragment RecordFields on CreditRecord {
    id kind category severity status occurredOn recordedOn disclosureEndsOn documentNumber sourceDepartment summary version
    objections @include(if: $history) { id filedOn filedBy reason status resolution resolvedOn remedy }
    repairs @include(if: $history) { id appliedOn status decidedOn description decisionNote actions }
    history @include(if: $history) { id version action createdAt reason }
  }
`);

// The paged form (creditRecordsConnection): the plain creditRecords list is refused whole past 100
// items (LIST_TOO_LONG), which would hide exactly the longest files.
const SubjectRecordsPage = graphql(
  `
  query SubjectRecordsPage($id: ID!, $agency: Boolean!, $servant: Boolean!, $enterprise: Boolean!, $history: Boolean!, $first: Int!, $after: String) {
    agency(id: $id) @include(if: $agency) { creditRecordsConnection(first: $first, after: $after) { ...RecordPage } }
    civilServant(id: $id) @include(if: $servant) { creditRecordsConnection(first: $first, after: $after) { ...RecordPage } }
    enterprise(id: $id) @include(if: $enterprise) { creditRecordsConnection(first: $first, after: $after) { ...RecordPage } }
  }
  fragment RecordPage on CreditRecordConnection {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { ...RecordFields } }
  }
`,
  [RecordFields],
);

type Record = ResultOf<typeof RecordFields>;

/** Records per page: enough for almost every subject at once, small enough for the query cost limit. */
export const RECORDS_PER_PAGE = 50;

/**
 * The credit records of one subject, newest first, a page at a time. Objections, repairs and the
 * history are asked for only by the roles that may read them: for the others the whole page would be
 * refused.
 */
export function SubjectRecords({ type, id }: { type: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE'; id: string }) {
  const t = useT();
  const { session } = useSession();
  const history = may(session, 'readHistory');
  const records = usePaged<Record>(
    async (after) => {
      const data = await request(SubjectRecordsPage, { id, agency: type === 'AGENCY', servant: type === 'CIVIL_SERVANT', enterprise: type === 'ENTERPRISE', history, first: RECORDS_PER_PAGE, after }, session.token);
      const page = (data.agency ?? data.civilServant ?? data.enterprise)?.creditRecordsConnection;
      return page ? { ...page, edges: page.edges.map((e) => ({ node: readFragment(RecordFields, e.node) })) } : null;
    },
    JSON.stringify([type, id, history, session.token]),
  );
  return (
    <PagedList paged={records} what="records" empty={t('无信用记录。', 'No credit records.')}>
      {(nodes) => (
        <>
          {!history ? <p class="help">{t('记录的修改历史对您的角色不可见。', 'The history of the records is not shown to your role.')}</p> : null}
          <ol class="records" data-testid="records">
            {nodes.map((r) => (
              <RecordCard key={r.id} record={r} />
            ))}
          </ol>
        </>
      )}
    </PagedList>
  );
}

function RecordCard({ record: r }: { record: Record }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  return (
    <li id={`record-${r.id}`} class="card record" tabIndex={-1}>
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
      {r.history ? (
        <details>
          <summary>{t(`历史（${r.history.length}）`, `History (${r.history.length})`)}</summary>
          <ol>
            {r.history.map((h) => (
              <li key={h.id}>
                v{h.version} {h.action} · {formatTime(h.createdAt, lang)} {h.reason ? `· ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}
