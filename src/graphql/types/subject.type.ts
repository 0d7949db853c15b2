import { createUnionType } from 'type-graphql';
import { AgencyType } from './agency.type';
import { CivilServantType } from './civil-servant.type';
import { EnterpriseType } from './enterprise.type';

/** Any of the three kinds of credit subject. */
export const SubjectUnion = createUnionType({
  name: 'Subject',
  description: 'A credit subject: an agency, a civil servant or an enterprise.',
  types: () => [AgencyType, CivilServantType, EnterpriseType] as const,
  // Each kind has a field the others lack.
  resolveType: (value) => {
    if ('idCardNumber' in value) return CivilServantType;
    if ('level' in value) return AgencyType;
    return EnterpriseType;
  },
});
