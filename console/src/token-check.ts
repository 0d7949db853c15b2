import { request } from './api';
import { graphql } from './graphql';

const CheckToken = graphql(`
  query CheckToken {
    ruleSet {
      version
    }
  }
`);

/**
 * Asks the server something with the token: it answers only if the token verifies (signature, expiry,
 * role, holder), so afterwards the token's claims are what the server read. Throws the refusal.
 */
export async function checkToken(token: string): Promise<void> {
  await request(CheckToken, {}, token);
}
