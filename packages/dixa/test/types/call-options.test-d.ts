// Type tests of the per-call options (`retry`, `timeout`, `throwOnError`, `signal`) and of `throwOnError` narrowing.
import { describe, expectTypeOf, test } from "vitest";
import { type Conversation, createDixaClient, type DixaClient } from "../../src/index.js";

const dixa = createDixaClient({ apiKey: "test-key" });
const throwing = createDixaClient({ apiKey: "test-key", throwOnError: true });
const params = { path: { conversationId: 100 } };
/** The response types' spelling of the open `Conversation` (see client.test-d.ts). */
type Flat<T> = { [K in keyof T]: T[K] };

describe("per-call options", () => {
  test("retry, timeout, throwOnError and signal take their real types", () => {
    void dixa.GET("/conversations/{conversationId}", { params, retry: 0, timeout: 2_000 });
    void dixa.GET("/agents", { signal: new AbortController().signal, throwOnError: true, retry: false });
  });

  test("a misspelled or mistyped option does not compile", () => {
    // @ts-expect-error `timout` is not an option
    void dixa.GET("/conversations/{conversationId}", { params, timout: 2_000 });
    // @ts-expect-error `throwOnErorr` is not an option
    void dixa.GET("/agents", { throwOnErorr: true });
    // @ts-expect-error retry is false, a number or retry options
    void dixa.GET("/agents", { retry: "no" });
    // @ts-expect-error timeout is a number of ms or false
    void dixa.GET("/agents", { timeout: true });
  });
});

describe("throwOnError narrowing", () => {
  test("a call with throwOnError: true returns data that is not optional", async () => {
    const { data } = await dixa.GET("/conversations/{conversationId}", { params, throwOnError: true });
    expectTypeOf(data).toEqualTypeOf<{ data: Flat<Conversation> }>();
  });

  test("a client created with throwOnError: true returns data that is not optional", async () => {
    expectTypeOf(throwing).toEqualTypeOf<DixaClient<true>>();
    const { data } = await throwing.GET("/conversations/{conversationId}", { params });
    expectTypeOf(data.data).toEqualTypeOf<Flat<Conversation>>();
    const kept = await throwing.GET("/conversations/{conversationId}", { params, throwOnError: false });
    expectTypeOf(kept.data).toEqualTypeOf<{ data: Flat<Conversation> } | undefined>();
  });
});
