import { UnauthenticatedError } from '../auth/tokens';
import { SEES_CIVIL_SERVANTS, type Viewer } from '../auth/role';
import { SubjectType } from '../domain/subject';

/** Civil servants' records are personal data (三(二)): refused to the public. */
export function assertMaySee(viewer: Viewer, subjectType: SubjectType): void {
  if (subjectType === SubjectType.CIVIL_SERVANT && !SEES_CIVIL_SERVANTS.includes(viewer.role)) {
    throw new UnauthenticatedError("A civil servant's credit records are not public.");
  }
}
