import { expectTypeOf, test } from "vitest";
import { startMock } from "../../src/index.js";
import { useMocks } from "../../src/vitest.js";

test("useMocks() types both APIs' URLs as strings", () => {
  expectTypeOf(useMocks()).toEqualTypeOf<Readonly<Record<"alpharun" | "dixa", string>>>();
});

test("useMocks(api) types only the APIs it starts", () => {
  const mocks = useMocks("dixa");
  expectTypeOf(mocks.dixa).toBeString();
  // @ts-expect-error alpharun was not started
  mocks.alpharun;
  // @ts-expect-error not a vendored API
  useMocks("zendesk");
});

test("startMock takes a vendored API name or any spec path", () => {
  expectTypeOf(startMock).parameter(0).toExtend<string>();
  startMock("dixa");
  startMock("./specs/pets.yaml");
  // @ts-expect-error the port is a number
  startMock("dixa", { port: "4010" });
});
