import { afterAll, beforeAll, inject } from "vitest";
import type { TestProject } from "vitest/node";
import { type VendoredApi, vendoredApis } from "./spec-path.js";
import { type RunningMock, startMocks } from "./start-mock.js";

declare module "vitest" {
  interface ProvidedContext {
    /** base URLs of the mocks started by `mockGlobalSetup`, by API */
    cxkitMocks: Partial<Record<VendoredApi, string>>;
  }
}

/**
 * A vitest `globalSetup` that starts Prism for the given APIs (default both) once per run and
 * stops it afterwards. In `vitest.config.ts`: `globalSetup: ["./test/global-setup.ts"]`, with
 * that file holding `export default mockGlobalSetup("dixa");`. Read URLs with `mockUrl()`.
 */
export function mockGlobalSetup(
  ...apis: VendoredApi[]
): (project: TestProject) => Promise<() => Promise<void>> {
  return async function setup(project: TestProject) {
    const selected = apis.length > 0 ? [...new Set(apis)] : vendoredApis;
    const mocks = await startMocks(selected);
    project.provide("cxkitMocks", Object.fromEntries(selected.map((api, i) => [api, mocks[i]?.url])));
    return async () => {
      await Promise.all(mocks.map((mock) => mock.stop()));
    };
  };
}

/** Base URL of a mock started by `mockGlobalSetup`; throws when that API was not started. */
export function mockUrl(api: VendoredApi): string {
  const url = inject("cxkitMocks")?.[api];
  if (!url) throw new Error(`no ${api} mock is running: add mockGlobalSetup("${api}") to globalSetup`);
  return url;
}

/**
 * Starts mocks for one test file and stops them after its last test: `const mocks = useMocks();`,
 * then `mocks.alpharun` and `mocks.dixa` are base URLs inside tests (default both APIs; pass
 * `useMocks("dixa")` for one). Reading a URL before `beforeAll` has run throws.
 */
export function useMocks(): Readonly<Record<VendoredApi, string>>;
export function useMocks<Api extends VendoredApi>(...apis: [Api, ...Api[]]): Readonly<Record<Api, string>>;
export function useMocks(...apis: VendoredApi[]): Readonly<Partial<Record<VendoredApi, string>>> {
  const selected = apis.length > 0 ? [...new Set(apis)] : vendoredApis;
  const urls: Partial<Record<VendoredApi, string>> = {};
  let running: RunningMock[] = [];
  beforeAll(async () => {
    running = await startMocks(selected);
    selected.forEach((api, i) => {
      const url = running[i]?.url;
      if (url !== undefined) urls[api] = url;
    });
  }, 240_000);
  afterAll(async () => {
    await Promise.all(running.map((mock) => mock.stop()));
  });
  return new Proxy(urls, {
    get(target, key, receiver) {
      // Note: only the selected APIs' names throw; other keys (`then`, symbols used by inspect or
      // pretty-format) behave as on a plain object.
      if (typeof key !== "string" || !(selected as readonly string[]).includes(key))
        return Reflect.get(target, key, receiver);
      const url = target[key as VendoredApi];
      if (!url)
        throw new Error(`the ${key} mock is not running yet: read it inside a test or hook, after beforeAll`);
      return url;
    },
  });
}
