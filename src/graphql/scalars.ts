import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/**
 * graphql-scalars' DateTime, described as it behaves: its own description says "at UTC", yet it
 * accepts any offset on input. Clients map it to a string (README, "Typed clients").
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description:
    'A moment as an RFC 3339 date-time string (ISO 8601 with a time zone). Input may carry any offset, e.g. 2026-03-01T09:30:00+08:00 or 2026-03-01T01:30:00Z (the same moment); a string without an offset is refused. Output is always at UTC with milliseconds, e.g. 2026-03-01T01:30:00.000Z.',
});
