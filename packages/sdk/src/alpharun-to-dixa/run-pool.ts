/**
 * Runs `worker` over a stream with at most `concurrency` items in flight, pulling the next item only
 * when a worker is free, so memory does not grow with the stream's length. Stops pulling when `signal`
 * aborts or a worker throws; waits for the items in flight, then rethrows the first error.
 * Resolves to whether the whole source was processed (false when `signal` stopped it early).
 */
export async function runPool<T>(
  source: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<boolean> {
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  let exhausted = false;
  let pulling: Promise<unknown> = Promise.resolve();

  // Note: pulls are chained so a sync or async iterator never sees two `next()` calls at once.
  const pull = (): Promise<IteratorResult<T> | undefined> => {
    const next = pulling.then(async () => {
      if (exhausted || failure || signal?.aborted) return undefined;
      const result = await iterator.next();
      if (result.done) exhausted = true;
      return result;
    });
    pulling = next.catch(() => {});
    return next;
  };

  const lane = async () => {
    while (true) {
      let result: IteratorResult<T> | undefined;
      try {
        result = await pull();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (!result || result.done) return;
      try {
        await worker(result.value);
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };

  await Promise.all(Array.from({ length: concurrency }, lane));
  if (!exhausted) await iterator.return?.();
  if (failure) throw failure.error;
  return exhausted;
}
