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
import { createDixaClient } from "../../src/index.js";
import {
  type DriftEvent,
  type DriftMode,
  dixaValidators,
  ResponseDriftError,
  validateDixaResponses,
} from "../../src/validate.js";

const SPEC = "specs/dixa/openapi.yaml";
const specLines = readFileSync(new URL(`../../../../${SPEC}`, import.meta.url), "utf8").split("\n");
const TAG = "#/components/schemas/Tag";

/** Each drift the fake vendor makes, and exactly the events it must cause: kind, body pointer, spec pointer. */
const CASES: [Drift, [DriftEvent["kind"], string, string][]][] = [
  [
    "renamed-field",
    [
      ["missing-field", "/data/name", `${TAG}/required`],
      ["extra-field", "/data/label", TAG],
    ],
  ],
  ["type-change", [["type-changed", "/data/color", `${TAG}/properties/color/type`]]],
  ["enum-value", [["enum-value", "/data/state", `${TAG}/properties/state/enum`]]],
  ["extra-field", [["extra-field", "/data/usageCount", TAG]]],
  [
    "missing-envelope",
    [["envelope", "", "#/paths/~1tags~1{tagId}/get/responses/200/content/application~1json/schema/required"]],
  ],
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
  vendor.drift("dixa", drifts);
  const events: DriftEvent[] = [];
  const client = createDixaClient({ apiKey: "test-key", baseUrl: `${vendor.url}/dixa`, retry: false });
  client.use(
    validateDixaResponses({
      mode,
      onDrift: (event) => events.push(event),
      ...(random ? { random } : {}),
      ...(sampleRate !== undefined ? { sampleRate } : {}),
    }),
  );
  const result = client.GET("/tags/{tagId}", { params: { path: { tagId: IDS.tag } } });
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
        operationId: "getTag",
        method: "GET",
        path: "/tags/{tagId}",
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
  for (const value of ["pii-", "4242", IDS.tag]) expect(serialised).not.toContain(value);
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
  const bad: [Parameters<typeof validateDixaResponses>[0], string, RegExp][] = [
    [{ mode: "loud" as DriftMode }, "mode", /`mode` must be "off", "report" or "throw", got "loud"/],
    [{ sampleRate: 2 }, "sampleRate", /`sampleRate` must be a number from 0 to 1, got 2/],
    [{ onDrift: "log" as never }, "onDrift", /`onDrift` must be a function, got "log"/],
  ];
  for (const [options, option, message] of bad) {
    const error = (() => {
      try {
        validateDixaResponses(options);
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

describe("unions", () => {
  const operation = "GET /conversations/{conversationId}";
  const conversation = (link: Record<string, unknown>) => ({
    data: {
      id: 1,
      requesterId: IDS.agent,
      channel: "Email",
      createdAt: "2024-01-01T00:00:00Z",
      state: "Open",
      link,
    },
  });

  test("a union member the spec does not list is one enum-value event at its tag, without the tag's value", () => {
    const events = findResponseDrift(
      dixaValidators,
      operation,
      200,
      conversation({ parentId: 3, _type: "pii-Merged" }),
    );
    expect(events.map((event) => [event.kind, event.pointer, event.spec.pointer])).toEqual([
      ["enum-value", "/data/link/_type", "#/components/schemas/ConversationLink/discriminator"],
    ]);
    expect(JSON.stringify(events)).not.toContain("pii-");
  });

  test("a drift inside a listed member names the member's own schema", () => {
    const events = findResponseDrift(
      dixaValidators,
      operation,
      200,
      conversation({ _type: "FollowUp", parentId: "3" }),
    );
    expect(events.map((event) => [event.kind, event.pointer, event.spec.pointer])).toEqual([
      ["type-changed", "/data/link/parentId", "#/components/schemas/FollowUpLink/properties/parentId/type"],
    ]);
  });
});

describe("objects the spec leaves open", () => {
  const operation = "GET /conversations/{conversationId}";
  const base = {
    id: 1,
    requesterId: IDS.agent,
    channel: "Email",
    createdAt: "2024-01-01T00:00:00Z",
    state: "Open",
  };

  test("a conversation with Dixa's channel-specific fields gives no event: the spec says additionalProperties: true", () => {
    const channelFields = {
      browserInfo: { name: "Firefox" },
      language: "en",
      toEmail: "support@example.com",
      fromEmail: "customer@example.com",
      subject: "Order",
    };
    expect(
      findResponseDrift(dixaValidators, operation, 200, { data: { ...base, ...channelFields } }),
    ).toEqual([]);
  });

  test("an extra field inside a closed object of the conversation is still reported", () => {
    const events = findResponseDrift(dixaValidators, operation, 200, {
      data: { ...base, queue: { id: IDS.agent, queuedAt: "2024-01-01T00:00:00Z", priority: 1 } },
    });
    expect(events.map((event) => [event.kind, event.pointer])).toEqual([
      ["extra-field", "/data/queue/priority"],
    ]);
  });
});
