// Medians and ratios: every comparison is a median over rounds, ratios taken within a round.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function min(values) {
  return Math.min(...values);
}

export function max(values) {
  return Math.max(...values);
}

/** The first and third quartiles (the middle half of the values), by the nearest rank. */
export function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.round((sorted.length - 1) * fraction)];
  return [at(0.25), at(0.75)];
}
