// Type tests of the per-call options (`retry`, `timeout`, `throwOnError`, `signal`) and of `throwOnError` narrowing.
import { describe, expectTypeOf, test } from "vitest";
import { type AlpharunClient, type CustomerInteraction, createAlpharunClient } from "../../src/index.js";

const client = createAlpharunClient({ token: "test-token" });
const throwing = createAlpharunClient({ token: "test-token", throwOnError: true });
const INTERACTION = "/customer-interactions/{CUSTOMER_INTERACTION_ID}";
const params = { path: { CUSTOMER_INTERACTION_ID: "11111111-2222-3333-4444-555555555555" } };
type Fetched = { data: { customer_interaction: CustomerInteraction } };

describe("per-call options", () => {
  test("retry, timeout, throwOnError and signal take their real types", () => {
    void client.GET(INTERACTION, { params, retry: false, timeout: 5_000, signal: AbortSignal.timeout(1) });
    void client.GET(INTERACTION, { params, retry: 3, timeout: false, throwOnError: false });
    void client.GET(INTERACTION, { params, retry: { retries: 1, minDelay: 10, nonIdempotent: true } });
    void client.GET("/contacts", { timeout: 1_000 });
  });

  test("a misspelled option does not compile", () => {
    // @ts-expect-error `timout` is not an option
    void client.GET(INTERACTION, { params, timout: 5_000 });
    // @ts-expect-error `throwOnErorr` is not an option
    void client.GET(INTERACTION, { params, throwOnErorr: true });
    // @ts-expect-error `retries` belongs inside `retry`
    void client.GET("/contacts", { retries: 2 });
    // @ts-expect-error `signl` is not an option
    void client.POST("/contacts", { body: { email: "ada@example.com" }, signl: AbortSignal.timeout(1) });
  });

  test("an option of the wrong type does not compile", () => {
    // @ts-expect-error retry is false, a number or retry options
    void client.GET(INTERACTION, { params, retry: "no" });
    // @ts-expect-error timeout is a number of ms or false
    void client.GET(INTERACTION, { params, timeout: "5s" });
    // @ts-expect-error throwOnError is a boolean
    void client.GET(INTERACTION, { params, throwOnError: 1 });
    // @ts-expect-error signal is an AbortSignal
    void client.GET(INTERACTION, { params, signal: "stop" });
    // @ts-expect-error idempotentOperations is the client's, not a call's
    void client.GET(INTERACTION, { params, retry: { idempotentOperations: [] } });
  });

  test("request takes the same options", () => {
    void client.request("get", "/contacts", { timeout: 1_000 });
    // @ts-expect-error `timout` is not an option
    void client.request("get", "/contacts", { timout: 1_000 });
  });
});

describe("throwOnError narrowing", () => {
  test("without throwOnError, data may be undefined", async () => {
    const { data } = await client.GET(INTERACTION, { params });
    expectTypeOf(data).toEqualTypeOf<Fetched | undefined>();
  });

  test("a call with throwOnError: true returns data that is not optional", async () => {
    const { data, error } = await client.GET(INTERACTION, { params, throwOnError: true });
    expectTypeOf(data).toEqualTypeOf<Fetched>();
    expectTypeOf(error).toEqualTypeOf<undefined>();
  });

  test("every call of a client created with throwOnError: true returns data that is not optional", async () => {
    expectTypeOf(throwing).toEqualTypeOf<AlpharunClient<true>>();
    const { data } = await throwing.GET(INTERACTION, { params });
    expectTypeOf(data).toEqualTypeOf<Fetched>();
    const listed = await throwing.GET("/contacts");
    expectTypeOf(listed.data.data.contacts).toBeArray();
  });

  test("a call with throwOnError: false on a throwing client keeps the { data, error } union", async () => {
    const { data } = await throwing.GET(INTERACTION, { params, throwOnError: false });
    expectTypeOf(data).toEqualTypeOf<Fetched | undefined>();
  });

  test("a client whose throwOnError is only known as a boolean does not narrow", async () => {
    const maybe = createAlpharunClient({ token: "t", throwOnError: Math.random() > 0.5 });
    expectTypeOf(maybe).toEqualTypeOf<AlpharunClient>();
    const { data } = await maybe.GET(INTERACTION, { params });
    expectTypeOf(data).toEqualTypeOf<Fetched | undefined>();
  });
});
