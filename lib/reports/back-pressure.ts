import type { EventEmitter } from 'node:events';

type Output = NodeJS.WritableStream & { destroyed?: boolean; writableFinished?: boolean };

const gone = () => new Error('The report output closed before the report was written.');

/**
 * Waits for `stream` to drain, failing instead if `out` errors or closes first: a download the
 * client dropped must end the writer (and the report's read transaction), not leave it waiting.
 */
export function drained(stream: EventEmitter, out: NodeJS.WritableStream): Promise<void> {
  if ((out as Output).destroyed) return Promise.reject(gone());
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(gone());
    stream.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

/** Waits for `work` (which settles once `out` has finished), failing if `out` closes unfinished first. */
export async function unlessClosedEarly<T>(out: NodeJS.WritableStream, work: Promise<T>): Promise<T> {
  if ((out as Output).destroyed && !(out as Output).writableFinished) throw gone();
  let onClose = () => {};
  const closed = new Promise<never>((_, reject) => {
    onClose = () => {
      if (!(out as Output).writableFinished) reject(gone());
    };
    out.on('close', onClose);
  });
  try {
    return await Promise.race([work, closed]);
  } finally {
    out.off('close', onClose);
  }
}
