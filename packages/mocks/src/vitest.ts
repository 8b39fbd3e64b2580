import { afterAll, beforeAll, inject } from "vitest";
import type { TestProject } from "vitest/node";
import type { VendoredApi } from "./spec-path.js";
import { type RunningMock, startMock } from "./start-mock.js";

declare module "vitest" {
  interface ProvidedContext {
    /** base URLs of the mocks started by `mockGlobalSetup`, by API */
    cxkitMocks: Partial<Record<VendoredApi, string>>;
  }
}

const allApis: VendoredApi[] = ["alpharun", "dixa"];

async function startAll(apis: VendoredApi[]): Promise<RunningMock[]> {
  const started = await Promise.allSettled(apis.map((api) => startMock(api)));
  const running = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await Promise.all(running.map((mock) => mock.stop()));
    throw failure.reason;
  }
  return running;
}

/**
 * A vitest `globalSetup` that starts Prism for the given APIs (default both) once per run and
 * stops it afterwards. In `vitest.config.ts`: `globalSetup: ["./test/global-setup.ts"]`, with
 * that file holding `export default mockGlobalSetup("dixa");`. Read URLs with `mockUrl()`.
 */
export function mockGlobalSetup(...apis: VendoredApi[]) {
  return async function setup(project: TestProject) {
    const selected = apis.length > 0 ? apis : allApis;
    const mocks = await startAll(selected);
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
 * Starts mocks for one test file: `const mocks = useMocks();` then `mocks.alpharun` and
 * `mocks.dixa` hold their base URLs inside tests. Stopped after the file's last test.
 */
export function useMocks(...apis: VendoredApi[]): Readonly<Record<VendoredApi, string>> {
  const urls: Partial<Record<VendoredApi, string>> = {};
  const selected = apis.length > 0 ? apis : allApis;
  let running: RunningMock[] = [];
  beforeAll(async () => {
    running = await startAll(selected);
    selected.forEach((api, i) => {
      urls[api] = running[i]?.url;
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(running.map((mock) => mock.stop()));
  });
  return new Proxy(urls, {
    get(target, api: string) {
      const url = target[api as VendoredApi];
      if (!url) throw new Error(`the ${api} mock is not running (read it inside a test, after beforeAll)`);
      return url;
    },
  }) as Readonly<Record<VendoredApi, string>>;
}
