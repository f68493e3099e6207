/**
 * A background job that runs now and then every `intervalMs` (0 or less: never): a cycle starts only
 * after the previous one ended, a failed cycle is logged and the next one runs as planned, and
 * `stop()` waits for a running cycle. Used by the accountability sweep and the audit verification.
 */
export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function repeatEvery(
  intervalMs: number,
  cycle: () => Promise<void>,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  if (!(intervalMs > 0)) return { stop: async () => {} };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    running = cycle()
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(intervalMs);
      });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
