import type { BackfillProgress } from "../alpharun-to-dixa/sync-report.js";

const FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

/** A one-line backfill progress display on a TTY stream, redrawn at most every `intervalMs`. */
export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #intervalMs: number;
  readonly #started = Date.now();
  #lastDraw = 0;
  #frame = 0;
  #latest: BackfillProgress | undefined;

  constructor(stream: NodeJS.WriteStream, intervalMs = 100) {
    this.#stream = stream;
    this.#intervalMs = intervalMs;
  }

  update(progress: BackfillProgress): void {
    this.#latest = progress;
    const now = Date.now();
    if (now - this.#lastDraw < this.#intervalMs) return;
    this.#lastDraw = now;
    this.#draw();
  }

  /** Clears the line, leaving the terminal as it was. */
  stop(): void {
    if (this.#lastDraw > 0) this.#stream.write("\r\x1b[2K");
  }

  #draw(): void {
    const p = this.#latest;
    if (!p) return;
    const seconds = (Date.now() - this.#started) / 1000;
    const rate = seconds > 0 ? (p.done - p.resumed) / seconds : 0;
    const frame = FRAMES[this.#frame++ % FRAMES.length];
    const parts = [
      `${p.done} interactions`,
      `${p.applied} applied`,
      `${p.skipped} skipped`,
      `${p.failed} failed`,
      ...(p.planned > 0 ? [`${p.planned} planned`] : []),
      ...(p.resumed > 0 ? [`${p.resumed} from checkpoint`] : []),
      `${p.inFlight} in flight`,
      `${rate.toFixed(1)}/s`,
    ];
    const line = `${frame} ${parts.join(" · ")}`;
    const width = this.#stream.columns ?? 120;
    this.#stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, width - 1))}`);
  }
}
