import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { AuditEvent } from '../../db/entities';
import { chinaDayEnd, chinaDayStart } from '../../domain/day';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from '../types/audit-event.type';
import { notePersonalRead } from '../personal-reads';
import { definedOnly } from '../where';

/** Read-only: the API offers no way to change or delete the trail. */
@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "The audit trail, newest first. INSPECTOR and ADMIN only. An event about a civil servant quotes their data (old and new values): reading its action, subjectId, targetId or outcome is recorded as READ_PERSONAL_DATA of that person, once per person per request; so is a filter naming a civil servant (subjectId, with or without action), whatever is read." })
  @Authorized(PERMISSIONS.readAudit)
  async auditEvents(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { em } = context;
    // Narrowed to one civil servant, the trail is what happened to that person even when only ids,
    // times, actors or totalCount are read: the filter itself gives the subject, and the action
    // when one is given (hostile12 F2: `filter: { subjectId, action: CREATE_RECORD } { totalCount }`
    // said a dishonesty record was entered about them, unrecorded). Recorded as those fields read,
    // as `creditRecords(filter: { subjectId })` records the person's file.
    if (filter?.subjectId && (await context.loaders.civilServant.load(filter.subjectId))) {
      notePersonalRead(context, filter.subjectId, 'AuditEvent.subjectId');
      if (filter.action) notePersonalRead(context, filter.subjectId, 'AuditEvent.action');
    }
    const createdAt = definedOnly({ $gte: filter?.from ? chinaDayStart(filter.from) : undefined, $lt: filter?.to ? chinaDayEnd(filter.to) : undefined });
    const where = definedOnly({ action: filter?.action, subjectId: filter?.subjectId, actor: filter?.actor, createdAt: Object.keys(createdAt).length ? createdAt : undefined });
    return paginate(em, AuditEvent, where, { createdAt: 'desc', id: 'asc' }, page, info);
  }
}
