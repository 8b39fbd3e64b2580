import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { useMocks } from "../src/vitest.js";

const mocks = useMocks();
const readEarly = (() => {
  try {
    return mocks.dixa;
  } catch (error) {
    return error;
  }
})();

describe("useMocks", () => {
  test("gives both vendored APIs a loopback base URL on its own port", () => {
    expect(mocks.alpharun).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mocks.dixa).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mocks.alpharun).not.toBe(mocks.dixa);
  });

  test("serves the Alpharun spec at mocks.alpharun", async () => {
    const response = await fetch(`${mocks.alpharun}/contacts`, { headers: { Authorization: "Bearer test" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("data.contacts");
  });

  test("serves the Dixa spec at mocks.dixa", async () => {
    const response = await fetch(`${mocks.dixa}/conversations/4242`, { headers: { Authorization: "test" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("data.id");
  });

  test("throws when a URL is read before the mocks have started", () => {
    expect(readEarly).toBeInstanceOf(Error);
    expect((readEarly as Error).message).toMatch(/dixa mock is not running yet/);
  });

  test("behaves as a plain object for keys that are not APIs", () => {
    expect((mocks as Record<string, unknown>).then).toBeUndefined();
    expect(inspect(mocks)).toContain("alpharun");
  });
});
