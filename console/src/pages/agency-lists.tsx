import { request } from '../api';
import { graphql, type ResultOf } from '../graphql';
import { useLabel, useT } from '../i18n';
import { usePaged } from '../paged';
import { PagedTable, useSession } from '../ui';

// Paged (commitmentsConnection, courtCasesConnection): the plain lists are refused whole past 100.
const AgencyCommitments = graphql(`
  query AgencyCommitments($id: ID!, $first: Int!, $after: String) {
    agency(id: $id) {
      commitmentsConnection(first: $first, after: $after) {
        totalCount
        pageInfo { endCursor hasNextPage }
        edges { node { id kind content publishedOn dueOn status settledOn } }
      }
    }
  }
`);

const AgencyCourtCases = graphql(`
  query AgencyCourtCases($id: ID!, $first: Int!, $after: String) {
    agency(id: $id) {
      courtCasesConnection(first: $first, after: $after) {
        totalCount
        pageInfo { endCursor hasNextPage }
        edges { node { id caseNumber court filedOn headAppeared judgmentDefaulter defaulterListedOn defaulterRemovedOn } }
      }
    }
  }
`);

type Commitment = NonNullable<ResultOf<typeof AgencyCommitments>['agency']>['commitmentsConnection']['edges'][number]['node'];
type CourtCase = NonNullable<ResultOf<typeof AgencyCourtCases>['agency']>['courtCasesConnection']['edges'][number]['node'];

const PER_PAGE = 50;

/** An agency's public commitments, latest due first, a page at a time. */
export function AgencyCommitmentList({ id }: { id: string }) {
  const t = useT();
  const label = useLabel();
  const { session } = useSession();
  const commitments = usePaged<Commitment>(async (after) => (await request(AgencyCommitments, { id, first: PER_PAGE, after }, session.token)).agency?.commitmentsConnection ?? null, JSON.stringify([id, session.token]));
  return (
    <PagedTable
      paged={commitments}
      what="commitments"
      empty={t('无。', 'None.')}
      headers={[t('内容', 'Content'), t('公开日期', 'Published'), t('期限', 'Due'), t('状态', 'Status')]}
      row={(c) => (
        <tr key={c.id} id={`commitment-${c.id}`}>
          <td>{c.content}</td>
          <td>{c.publishedOn}</td>
          <td>{c.dueOn}</td>
          <td>
            {label(c.status)} {c.settledOn ?? ''}
          </td>
        </tr>
      )}
    />
  );
}

/** An agency's court cases, latest filed first, a page at a time. */
export function AgencyCourtCaseList({ id }: { id: string }) {
  const t = useT();
  const { session } = useSession();
  const cases = usePaged<CourtCase>(async (after) => (await request(AgencyCourtCases, { id, first: PER_PAGE, after }, session.token)).agency?.courtCasesConnection ?? null, JSON.stringify([id, session.token]));
  return (
    <PagedTable
      paged={cases}
      what="court-cases"
      empty={t('无。', 'None.')}
      headers={[t('案号', 'Case number'), t('法院', 'Court'), t('立案日期', 'Filed'), t('负责人出庭', 'Head appeared'), t('失信被执行人', 'Judgment defaulter')]}
      row={(c) => (
        <tr key={c.id} id={`case-${c.id}`}>
          <td>{c.caseNumber}</td>
          <td>{c.court}</td>
          <td>{c.filedOn}</td>
          <td>{c.headAppeared == null ? '—' : c.headAppeared ? t('是', 'yes') : t('否', 'no')}</td>
          <td>{c.judgmentDefaulter ? `${t('是', 'yes')} ${c.defaulterListedOn ?? ''}–${c.defaulterRemovedOn ?? ''}` : t('否', 'no')}</td>
        </tr>
      )}
    />
  );
}
