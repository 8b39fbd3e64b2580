import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MockStartError, preferCode, type RunningMock, readViolations, startMock } from "../src/index.js";

const petsSpec = fileURLToPath(new URL("./fixtures/pets.yaml", import.meta.url));

describe("startMock", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock(petsSpec);
  }, 240_000);
  afterAll(() => mock.stop());

  test("serves the spec's example on a free loopback port", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mock.url}/pets/1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 1, name: "Rex" });
  });

  test("answers a documented error status when asked with preferCode", async () => {
    const response = await fetch(`${mock.url}/pets/1`, { headers: preferCode(404) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "no such pet" });
  });

  test("rejects an invalid body and names the violation", async () => {
    const response = await fetch(`${mock.url}/pets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "not-a-number" }),
    });
    expect(response.status).toBe(400);
    const violations = readViolations(response);
    expect(violations.map((violation) => violation.location.join("."))).toEqual(
      expect.arrayContaining(["request.body.id", "request.body"]),
    );
  });

  test("stops the server so its port refuses connections", async () => {
    const other = await startMock(petsSpec);
    await other.stop();
    await expect(fetch(`${other.url}/pets/1`)).rejects.toThrow();
    await other.stop();
  }, 240_000);
});

test("fails with the reason when the spec cannot be served", async () => {
  await expect(
    startMock(fileURLToPath(new URL("./fixtures/missing.yaml", import.meta.url))),
  ).rejects.toBeInstanceOf(MockStartError);
}, 240_000);

test("readViolations returns nothing when Prism found no violation", () => {
  expect(readViolations(new Response("{}"))).toEqual([]);
});
