/**
 * An open-loop load generator: request i leaves at start + i × intervalMs,
 * whatever the answers before it took, so a slow answer cannot hold back
 * the requests behind it (a closed loop would hide the queueing that a
 * sustained rate causes, and its latency would only restate its own
 * concurrency). Resolves with every request's latency and the seconds from
 * the first request to the last answer.
 */
export async function openLoop(
  count: number,
  intervalMs: number,
  request: (i: number) => Promise<number>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(request(i).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return { latencies, seconds: (performance.now() - start) / 1000 };
}
