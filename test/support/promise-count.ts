import { createHook } from 'node:async_hooks';

/**
 * Runs `work` and counts the promises created meanwhile (async_hooks): what a read costs in promise
 * jobs and garbage, repeatable where CPU time on a shared machine is not.
 */
export async function countPromises<T>(work: () => Promise<T>): Promise<{ result: T; promises: number }> {
  let promises = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'PROMISE') promises++;
    },
  }).enable();
  try {
    const result = await work();
    return { result, promises };
  } finally {
    hook.disable();
  }
}
