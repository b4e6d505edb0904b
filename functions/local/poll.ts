/**
 * Runs `task` every `intervalMs`, skipping a tick while the previous run is still busy, and logs failures instead
 * of stopping (the database may be briefly away). Returns a stop function that waits for the running task.
 */
export function pollEvery(intervalMs: number, task: () => Promise<unknown>) {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = task()
      .then(() => undefined)
      .catch((error) => {
        console.error(
          JSON.stringify({ level: 'error', message: 'background task failed', error: String(error) }),
        );
      })
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
