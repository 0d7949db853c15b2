import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { AuditEvent } from '../../db/entities';
import { chinaDayEnd, chinaDayStart } from '../../domain/day';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from '../types/audit-event.type';
import { definedOnly } from '../where';

/** Read-only: the API offers no way to change or delete the trail. */
@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "The audit trail, newest first. INSPECTOR and ADMIN only. An event about a civil servant quotes their data (old and new values): reading its action, subjectId, targetId or outcome is recorded as READ_PERSONAL_DATA of that person, once per person per request." })
  @Authorized(PERMISSIONS.readAudit)
  auditEvents(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() { em }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const createdAt = definedOnly({ $gte: filter?.from ? chinaDayStart(filter.from) : undefined, $lt: filter?.to ? chinaDayEnd(filter.to) : undefined });
    const where = definedOnly({ action: filter?.action, subjectId: filter?.subjectId, actor: filter?.actor, createdAt: Object.keys(createdAt).length ? createdAt : undefined });
    return paginate(em, AuditEvent, where, { createdAt: 'desc', id: 'asc' }, page, info);
  }
}
