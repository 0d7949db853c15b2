import type { TadaDocumentNode } from 'gql.tada';
import type { SubjectType } from './factories';
import type { TestServer } from './test-server';

/** Noon in China on a day (YYYY-MM-DD): the moment the policy tests evaluate at, clear of any day boundary. */
export const noonInChina = (day: string) => `${day}T12:00:00+08:00`;

/** An `evaluate` mutation taking $type, $id, $matter and $asOf; each test selects what it asserts. */
type EvaluateDocument<Verdict> = TadaDocumentNode<{ evaluate: Verdict }, { type: SubjectType; id: string; matter: string; asOf?: string | null }>;

/**
 * `evaluate(type, id, matter, on)` for a test file: runs `document` through the real server as of
 * noon in China on `on` (2025-06-01 unless given), fails the test on any error and returns the verdict.
 */
export function evaluator<Verdict>(server: TestServer, document: EvaluateDocument<Verdict>) {
  return async (type: SubjectType, id: string, matter: string, on = '2025-06-01'): Promise<Verdict> => {
    const result = await server.query(document, { type, id, matter, asOf: noonInChina(on) });
    expect(result.errors).toBeUndefined();
    return result.data!.evaluate;
  };
}
