import { verifyRequest } from '../../src/auth/authorization-header';
import { UnauthenticatedError } from '../../src/auth/tokens';

/**
 * Issue 13 (perf20): one request asked three times who sent it — the anonymous rate limit's skip,
 * the anonymous-requests bound and the GraphQL context — and the token's signature was checked each
 * time (≈ 2 % of an `evaluate`'s CPU each). Now once per request and verifier: every asker gets the
 * same answer, a viewer or the same refusal; another request is checked again, as is the same
 * request under another verifier. The refusals themselves are asserted over HTTP by the token-*.test.ts files.
 */
const request = (authorization?: string, times = 1) => ({
  headers: authorization === undefined ? {} : { authorization },
  rawHeaders: Array.from({ length: authorization === undefined ? 0 : times }, () => ['Authorization', authorization!]).flat(),
});

function countingVerifier(answer: (authorization: string | undefined) => Promise<string>) {
  const calls: (string | undefined)[] = [];
  return { calls, verify: (authorization: string | undefined) => (calls.push(authorization), answer(authorization)) };
}

it('checks a request\'s token once, however many parts of the server ask who sent it', async () => {
  const { calls, verify } = countingVerifier(async (a) => `holder of ${a}`);
  const req = request('Bearer abc');
  const answers = await Promise.all([verifyRequest(req, verify), verifyRequest(req, verify), verifyRequest(req, verify)]);
  expect(answers).toEqual(['holder of Bearer abc', 'holder of Bearer abc', 'holder of Bearer abc']);
  expect(calls).toEqual(['Bearer abc']);
  // The next request is checked anew, and so is this one under another verifier.
  await verifyRequest(request('Bearer abc'), verify);
  expect(calls).toHaveLength(2);
  const other = countingVerifier(async () => 'other');
  await expect(verifyRequest(req, other.verify)).resolves.toBe('other');
  expect(other.calls).toHaveLength(1);
});

it('gives every asker the same refusal of a bad token, checked once', async () => {
  const { calls, verify } = countingVerifier(async () => {
    throw new UnauthenticatedError('The token has expired.');
  });
  const req = request('Bearer expired');
  await expect(verifyRequest(req, verify)).rejects.toThrow('The token has expired.');
  await expect(verifyRequest(req, verify)).rejects.toThrow('The token has expired.');
  expect(calls).toHaveLength(1);
});

it('refuses the header given twice before any check, to every asker', async () => {
  const { calls, verify } = countingVerifier(async () => 'never');
  const req = request('Bearer abc', 2);
  await expect(verifyRequest(req, verify)).rejects.toThrow(/Authorization header 2 times/);
  await expect(verifyRequest(req, verify)).rejects.toThrow(/Authorization header 2 times/);
  expect(calls).toHaveLength(0);
});
