import { graphql } from './graphql';

/** Screen A's candidates: civil servants of one agency, a page of up to 100. */
export const CandidatesQuery = graphql(`
  query Candidates($agencyId: ID!, $first: Int!) {
    civilServants(first: $first, filter: { agencyId: $agencyId }) {
      edges {
        node {
          id
          name
          post
          rank
        }
      }
    }
  }
`);

/** Screen A: each candidate's PROMOTION status in one call that stores no verdict (reading each reason and outcome is audited: they show the candidate's facts). */
export const PromotionScreenQuery = graphql(`
  query PromotionScreen($subjects: [SubjectInput!]!) {
    assess(matter: "PROMOTION", subjects: $subjects) {
      subjectId
      assessment {
        asOf
        outcome
        reason {
          zh
          en
        }
      }
      error {
        code
        message
      }
    }
  }
`);

/** Screen B: the public credit portal's enterprise page, readable without a token. */
export const EnterprisePageQuery = graphql(`
  query EnterprisePage($id: ID!) {
    enterprise(id: $id) {
      name
      uscc
      creditRecords {
        id
        category
        recordedOn
        summary
      }
      procurement: publicStatus(matter: "PROCUREMENT") {
        asOf
        day
        outcome
        reason {
          zh
        }
        records {
          id
        }
      }
    }
  }
`);
