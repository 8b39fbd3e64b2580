import { expect, test } from "vitest";
import type { TestProject } from "vitest/node";
import { mockGlobalSetup } from "../src/vitest.js";

test("mockGlobalSetup provides the started mocks' URLs and stops them on teardown", async () => {
  const provided: Record<string, unknown> = {};
  const project = {
    provide: (key: string, value: unknown) => (provided[key] = value),
  } as unknown as TestProject;
  const teardown = await mockGlobalSetup("dixa")(project);
  const urls = provided.cxkitMocks as Record<string, string>;
  expect(Object.keys(urls)).toEqual(["dixa"]);
  const before = await fetch(`${urls.dixa}/conversations/4242`, { headers: { Authorization: "test" } });
  expect(before.status).toBe(200);
  await teardown();
  await expect(fetch(`${urls.dixa}/conversations/4242`)).rejects.toThrow();
}, 240_000);
