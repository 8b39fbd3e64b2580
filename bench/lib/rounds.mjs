// Timing in rounds: each measurement is a batch of sequential calls, and the runs being compared take
// turns within every round, so the load of the moment weighs on all of them alike.

/** µs per call over `n` sequential calls (the mean, so the garbage a client makes is paid for here). */
export async function batch(fn, n) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return ((performance.now() - started) * 1000) / n;
}

/**
 * `measure(name)` for every name, `rounds` times; the order rotates each round, so no run always
 * comes right after the same one. Returns each name's measurements, round by round.
 */
export async function interleave(names, rounds, measure) {
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      results[name].push(await measure(name));
    }
  }
  return results;
}
