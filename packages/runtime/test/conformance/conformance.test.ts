// The engine conformance suite: every case through every engine, each asserting on the raw request a
// loopback server received and on what the call gave back. One server for the file.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ScriptedServer, startScriptedServer } from "../support/scripted-server.js";
import { bodyCases, headerCases } from "./cases/headers-bodies.js";
import { pathCases } from "./cases/path.js";
import { queryCases } from "./cases/query.js";
import { responseCases } from "./cases/responses.js";
import { type Call, DEFAULT_ITEM, type Outcome } from "./engine.js";
import { engines } from "./engines.js";
import { expectationOf, returnedOf, sentOf, toStep } from "./observe.js";

const cases = [...pathCases, ...queryCases, ...headerCases, ...bodyCases, ...responseCases];

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server?.close();
  for (const engine of engines) await engine.close?.();
});

test("every case has its own name, and every deviation names a case", () => {
  const names = cases.map((testCase) => testCase.name);
  expect(new Set(names).size).toBe(names.length);
  for (const engine of engines) {
    expect(Object.keys(engine.deviations).filter((name) => !names.includes(name))).toEqual([]);
  }
});

for (const engine of engines) {
  describe(engine.name, () => {
    let send: (call: Call) => Promise<Outcome>;
    beforeAll(() => {
      send = engine.connect(`${server.url}/api`);
    });

    for (const testCase of cases) {
      test(testCase.name, async () => {
        server.reset();
        const step = toStep(testCase.answer ?? { status: 200, body: DEFAULT_ITEM });
        server.route(() => step);
        const returned = await returnedOf(() => send(testCase.call));
        const sent = sentOf(server.requests);
        expect({ sent, returned }).toEqual(expectationOf(testCase, engine.deviations[testCase.name]));
        // Body framing: a body has its exact Content-Length (or is chunked); no body has none, or 0.
        for (const { headers, body } of server.requests) {
          const { "content-length": length, "transfer-encoding": encoding } = headers;
          const framed =
            body === ""
              ? length === undefined || length === "0"
              : length === String(Buffer.byteLength(body)) || encoding === "chunked";
          expect(framed, `Content-Length ${length}, Transfer-Encoding ${encoding}`).toBe(true);
        }
      });
    }
  });
}
