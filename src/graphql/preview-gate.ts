import { GraphQLError } from 'graphql';

/**
 * One preview at a time per server process. A preview evaluates every subject concerned twice and
 * runs on the event loop between its database reads; two or three at once add up to seconds in
 * which /healthz and every other request wait. A second preview while one runs is refused at once
 * with PREVIEW_BUSY, to be tried again when the first is done.
 */
let running = false;

export class PreviewBusyError extends GraphQLError {
  constructor() {
    super('另一个规则预览正在运行，请稍后重试；本次未做任何更改。Another rule preview is running on this server; nothing was done. Try again in a moment.', {
      extensions: { code: 'PREVIEW_BUSY' },
    });
  }
}

/** Runs `work` as the only preview of this process, or throws PreviewBusyError at once. */
export async function onePreviewAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running) throw new PreviewBusyError();
  running = true;
  try {
    return await work();
  } finally {
    running = false;
  }
}
