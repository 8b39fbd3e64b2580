import { spawnSync } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { Checkpoint } from "../../src/alpharun-to-dixa/checkpoint.js";
import { CheckpointError, type SyncReport } from "../../src/index.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cxkit-checkpoint-"));
  file = join(dir, "run.jsonl");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (
  interactionId: string,
  status: SyncReport["status"],
  extra: Partial<SyncReport> = {},
): SyncReport => ({
  interactionId,
  status,
  dryRun: false,
  fields: [],
  ...extra,
});

describe("Checkpoint", () => {
  test("remembers applied and skipped items across openings, but not failed ones", async () => {
    const first = await Checkpoint.open(file);
    first.record(report("a", "applied", { conversationId: 7 }));
    first.record(report("b", "skipped", { reason: { code: "no-conversation", message: "none" } }));
    first.record(
      report("c", "failed", { error: { stage: "write-back", name: "ApiError", message: "boom" } }),
    );
    await first.close();

    const second = await Checkpoint.open(file);

    expect(second.done("a")).toEqual({ status: "applied" });
    expect(second.done("b")).toEqual({ status: "skipped", reason: "no-conversation" });
    expect(second.done("c")).toBeUndefined();
    await second.close();
    const lines = (await readFile(file, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ id: "a", status: "applied", conversationId: 7 });
    expect(lines[2]).toMatchObject({ id: "c", status: "failed", error: "boom" });
  });

  test("a later success replaces an earlier failure", async () => {
    const checkpoint = await Checkpoint.open(file);
    checkpoint.record(
      report("a", "failed", { error: { stage: "fetch-interaction", name: "E", message: "x" } }),
    );
    checkpoint.record(report("a", "applied"));
    expect(checkpoint.done("a")).toEqual({ status: "applied" });
    await checkpoint.close();
  });

  test("ignores a line torn by a kill and appends after it on a fresh line", async () => {
    await writeFile(file, `${JSON.stringify({ id: "a", status: "applied", at: "" })}\n{"id":"b","sta`);

    const checkpoint = await Checkpoint.open(file);
    checkpoint.record(report("c", "applied"));
    await checkpoint.close();
    const reopened = await Checkpoint.open(file, { readOnly: true });

    expect(reopened.done("a")).toBeDefined();
    expect(reopened.done("b")).toBeUndefined();
    expect(reopened.done("c")).toBeDefined();
  });

  test("does not record dry runs", async () => {
    const checkpoint = await Checkpoint.open(file);
    checkpoint.record(report("a", "planned", { dryRun: true }));
    await checkpoint.close();
    expect(await readFile(file, "utf8")).toBe("");
  });

  test("refuses a checkpoint another live process holds", async () => {
    await writeFile(`${file}.lock`, String(process.ppid));
    await expect(Checkpoint.open(file)).rejects.toThrow(CheckpointError);
    await expect(Checkpoint.open(file)).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  test("takes over the lock of a process that no longer runs", async () => {
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"]).stdout.toString().trim();
    await writeFile(`${file}.lock`, gone);

    const checkpoint = await Checkpoint.open(file);

    expect(await readFile(`${file}.lock`, "utf8")).toBe(String(process.pid));
    await checkpoint.close();
    await expect(readFile(`${file}.lock`, "utf8")).rejects.toThrow(/ENOENT/);
  });

  test("reads a large checkpoint line by line", async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: `id-${i}`, status: "applied", at: "" }),
    );
    await appendFile(file, `${lines.join("\n")}\n`);

    const checkpoint = await Checkpoint.open(file, { readOnly: true });

    expect(checkpoint.done("id-19999")).toEqual({ status: "applied" });
    expect(checkpoint.done("id-20000")).toBeUndefined();
  });

  test("keeps tolerating a torn line once a later run has appended after it", async () => {
    const applied = (id: string) => JSON.stringify({ id, status: "applied", at: "" });
    await writeFile(file, `${applied("a")}\n{"id":"b","st\n${applied("c")}\n`);

    const checkpoint = await Checkpoint.open(file, { readOnly: true });

    expect(checkpoint.done("a")).toBeDefined();
    expect(checkpoint.done("c")).toBeDefined();
  });

  test.each([
    ["a package.json", '{\n  "name": "app",\n  "version": "1.0.0"\n}\n', "line 2 is not JSON"],
    [
      "a file of other JSON lines",
      '{"event":"x"}\n',
      "line 1 is not a checkpoint record ({ id, status, at })",
    ],
    [
      "a record without a timestamp",
      '{"id":"a","status":"applied"}\n',
      "line 1 is not a checkpoint record ({ id, status, at })",
    ],
    [
      "a good line, then text",
      `${JSON.stringify({ id: "a", status: "applied", at: "" })}\nhello\n`,
      "line 2 is not JSON",
    ],
    ["a .env file", "DIXA_API_KEY=secret-value\n", "line 1 is not JSON"],
  ])(
    "refuses %s, naming its path and first bad line but not the line, and leaves it unlocked and unchanged",
    async (_what, content, problem) => {
      await writeFile(file, content);

      const error = await Checkpoint.open(file).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CheckpointError);
      expect((error as Error).message).toBe(
        `${JSON.stringify(file)} is not a cxkit checkpoint: ${problem}; name a new file, or the one a backfill wrote`,
      );
      expect(await readFile(file, "utf8")).toBe(content);
      await expect(readFile(`${file}.lock`, "utf8")).rejects.toThrow(/ENOENT/);
    },
  );
});
