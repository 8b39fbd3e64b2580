import { readFileSync } from "node:fs";
import { ClientOptionsError } from "@cxkit/runtime";
import { findResponseDrift } from "@cxkit/runtime/drift";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Drift,
  type FakeVendor,
  IDS,
  startFakeVendor,
} from "../../../../scripts/test/helpers/fake-vendor.js";
import { createAlpharunClient } from "../../src/index.js";
import {
  alpharunValidators,
  type DriftEvent,
  type DriftMode,
  ResponseDriftError,
  validateAlpharunResponses,
} from "../../src/validate.js";

const SPEC = "specs/alpharun/openapi.yaml";
const specLines = readFileSync(new URL(`../../../../${SPEC}`, import.meta.url), "utf8").split("\n");
const AT = "/data/customer_interaction";
const INTERACTION = "#/components/schemas/CustomerInteraction";

/** Each drift the fake vendor makes, and exactly the events it must cause: kind, body pointer, spec pointer. */
const CASES: [Drift, [DriftEvent["kind"], string, string][]][] = [
  [
    "renamed-field",
    [
      ["missing-field", `${AT}/id`, `${INTERACTION}/required`],
      ["extra-field", `${AT}/interaction_id`, INTERACTION],
    ],
  ],
  ["type-change", [["type-changed", `${AT}/summary`, `${INTERACTION}/properties/summary/type`]]],
  [
    "enum-value",
    [["enum-value", `${AT}/custom_fields/0/type`, "#/components/schemas/CustomField/properties/type/enum"]],
  ],
  ["extra-field", [["extra-field", `${AT}/sentiment`, INTERACTION]]],
  ["missing-envelope", [["envelope", "", "#/components/schemas/GetCustomerInteractionResponse/required"]]],
];

let vendor: FakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor();
});
afterAll(async () => {
  await vendor?.close();
});

/** One GET of the drifting operation through a client validating in `mode`. */
async function call(mode: DriftMode, drifts: readonly Drift[], random?: () => number, sampleRate?: number) {
  vendor.drift("alpharun", drifts);
  const events: DriftEvent[] = [];
  const client = createAlpharunClient({
    token: "test-token",
    baseUrl: `${vendor.url}/alpharun`,
    retry: false,
  });
  client.use(
    validateAlpharunResponses({
      mode,
      onDrift: (event) => events.push(event),
      ...(random ? { random } : {}),
      ...(sampleRate !== undefined ? { sampleRate } : {}),
    }),
  );
  const result = client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
    params: { path: { CUSTOMER_INTERACTION_ID: IDS.interaction } },
  });
  return { result, events };
}

describe.each(CASES)("a vendor answer with %s", (drift, expected) => {
  test('"report" emits exactly the expected events, each naming its spec line, and returns the data', async () => {
    const { result, events } = await call("report", [drift]);
    const { data, response } = await result;
    expect(response.status).toBe(200);
    expect(data).toBeDefined();
    expect(events.map((event) => [event.kind, event.pointer, event.spec.pointer])).toEqual(expected);
    for (const event of events) {
      expect(event).toMatchObject({
        operationId: "getCustomerInteraction",
        method: "GET",
        path: "/customer-interactions/{CUSTOMER_INTERACTION_ID}",
        status: 200,
        additive: event.kind === "extra-field",
        spec: { file: SPEC },
      });
      const key = event.spec.pointer.split("/").at(-1);
      expect(specLines[(event.spec.line ?? 0) - 1]?.trim()).toMatch(new RegExp(`^${key}:`));
    }
  });

  test('"throw" throws ResponseDriftError unless the only drift is an extra field', async () => {
    const { result, events } = await call("throw", [drift]);
    if (expected.every(([kind]) => kind === "extra-field")) {
      expect((await result).data).toBeDefined();
    } else {
      const error = await result.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ResponseDriftError);
      expect((error as ResponseDriftError).drifts).toEqual(events);
      expect((error as ResponseDriftError).message).not.toContain("pii-");
    }
    expect(events).toHaveLength(expected.length);
  });

  test('"off" validates nothing and returns the data', async () => {
    const { result, events } = await call("off", [drift]);
    expect((await result).data).toBeDefined();
    expect(events).toEqual([]);
  });
});

test("no drift event carries a value of the response", async () => {
  const { result, events } = await call("report", [
    "renamed-field",
    "type-change",
    "enum-value",
    "extra-field",
  ]);
  await result;
  expect(events).toHaveLength(5);
  const serialised = JSON.stringify(events);
  for (const value of ["pii-", "4242", IDS.interaction]) expect(serialised).not.toContain(value);
});

test("a response that matches the spec gives no event", async () => {
  const { result, events } = await call("report", []);
  expect((await result).data).toBeDefined();
  expect(events).toEqual([]);
});

test("sampleRate validates only the calls whose random draw falls below it", async () => {
  const skipped = await call("report", ["extra-field"], () => 0.7, 0.5);
  await skipped.result;
  expect(skipped.events).toEqual([]);
  const sampled = await call("report", ["extra-field"], () => 0.3, 0.5);
  await sampled.result;
  expect(sampled.events).toHaveLength(1);
});

test("a bad option is refused with ClientOptionsError naming it, when the check is built", () => {
  const bad: [Parameters<typeof validateAlpharunResponses>[0], string, RegExp][] = [
    [{ mode: "loud" as DriftMode }, "mode", /`mode` must be "off", "report" or "throw", got "loud"/],
    [{ sampleRate: 2 }, "sampleRate", /`sampleRate` must be a number from 0 to 1, got 2/],
    [{ onDrift: "log" as never }, "onDrift", /`onDrift` must be a function, got "log"/],
  ];
  for (const [options, option, message] of bad) {
    const error = (() => {
      try {
        validateAlpharunResponses(options);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ClientOptionsError);
    expect(error).toMatchObject({ option });
    expect((error as Error).message).toMatch(message);
  }
});

test("a value matching none of a union's types is one type-changed event listing the spec's types", () => {
  const body = {
    data: {
      customer_interaction: {
        id: IDS.interaction,
        custom_fields: [{ key: "pii-k", name: "pii-n", type: "text", value: { pii: "an object" } }],
      },
    },
  };
  const events = findResponseDrift(
    alpharunValidators,
    "GET /customer-interactions/{CUSTOMER_INTERACTION_ID}",
    200,
    body,
  );
  expect(events.map((event) => [event.kind, event.pointer, event.expected])).toEqual([
    ["type-changed", `${AT}/custom_fields/0/value`, { keyword: "oneOf", type: "string,number,boolean" }],
  ]);
});
