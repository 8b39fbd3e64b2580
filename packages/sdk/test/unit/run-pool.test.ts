import { describe, expect, test } from "vitest";
import { runPool } from "../../src/alpharun-to-dixa/run-pool.js";

const tick = () => new Promise((wake) => setTimeout(wake, 1));

describe("runPool", () => {
  test("runs at most `concurrency` items at once and all of them", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await runPool(
      Array.from({ length: 25 }, (_, i) => i),
      4,
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        seen.push(item);
        running -= 1;
      },
    );
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  test("stops pulling after a worker throws, lets the others finish, then rethrows and closes the source", async () => {
    let pulled = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 100; i += 1) {
          pulled += 1;
          yield i;
        }
      } finally {
        closed = true;
      }
    }
    const finished: number[] = [];
    const error = await runPool(source(), 3, async (item) => {
      await tick();
      if (item === 4) throw new Error("item 4");
      finished.push(item);
    }).catch((caught: unknown) => caught);

    expect(error).toEqual(new Error("item 4"));
    expect(pulled).toBeLessThan(10);
    expect(closed).toBe(true);
  });

  test("rethrows an error of the source after the items in flight finish", async () => {
    const finished: number[] = [];
    async function* source() {
      yield 1;
      yield 2;
      throw new Error("page 2 failed");
    }
    const error = await runPool(source(), 2, async (item) => {
      await tick();
      finished.push(item);
    }).catch((caught: unknown) => caught);

    expect(error).toEqual(new Error("page 2 failed"));
    expect(finished.sort()).toEqual([1, 2]);
  });
});
