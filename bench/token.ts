import type { Role } from '../src/auth/role';
import { mintToken } from '../src/auth/tokens';

/** The secret the bench's servers are started with, and a bearer header signed with it. */
export const BENCH_SECRET = 'bench-secret-0123456789abcdef0123456789';

export async function benchAuthorization(role: Role): Promise<string> {
  return `Bearer ${await mintToken(new TextEncoder().encode(BENCH_SECRET), role, 'bench', '1h')}`;
}
