// Contract tests of the bulk "End Users" operations against Prism serving specs/dixa/openapi.yaml.
import { readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const USER_ID = "434ce9f5-14c8-4be1-a0a8-f755010deb9b";
const OTHER_USER_ID = "8fe8f4c3-7bc6-4767-924a-d9afa7ac7009";

/** The shared outcomes example: the first end user succeeded, the second failed validation. */
const outcomes = [
  { _type: "BulkActionSuccess", data: expect.objectContaining({ id: USER_ID, displayName: "Alice Brown" }) },
  {
    _type: "BulkActionFailure",
    error: { id: OTHER_USER_ID, message: expect.stringContaining("PhoneNumberExists"), _type: "Validation" },
  },
];

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("updateEndUsers", () => {
  happy("updateEndUsers", "updates end users in bulk and returns one outcome each", async () => {
    const { data, error, response } = await dixa.PUT("/endusers", {
      body: {
        data: [
          { id: USER_ID, displayName: "Alice Brown", email: "alice@brown.com" },
          { id: OTHER_USER_ID, displayName: "Bob Green", phoneNumber: "+551155256325" },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual(outcomes);
  });

  failure("updateEndUsers", "rejects an item without displayName, which a full update needs", async () => {
    const { data, response } = await dixa.PUT("/endusers", {
      // @ts-expect-error -- each item needs id and displayName; displayName is left out on purpose
      body: { data: [{ id: USER_ID, email: "alice@brown.com" }] },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body", "data", "0"],
        code: "required",
        message: expect.stringContaining("'displayName'"),
      }),
    );
  });
});

describe("patchEndUsers", () => {
  happy("patchEndUsers", "patches end users in bulk and returns one outcome each", async () => {
    const { data, error, response } = await dixa.PATCH("/endusers", {
      body: {
        data: [
          { id: USER_ID, phoneNumber: "+551155256325" },
          { id: OTHER_USER_ID, externalId: "#8" },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual(outcomes);
  });

  failure("patchEndUsers", "rejects an item that names an end user but changes nothing", async () => {
    const { response } = await dixa.PATCH("/endusers", { body: { data: [{ id: USER_ID }] } });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "data", "0"], code: "minProperties" }),
    );
  });
});

describe("createEndUsers", () => {
  happy("createEndUsers", "creates end users in bulk with 201 and one outcome each", async () => {
    const { data, error, response } = await dixa.POST("/endusers/bulk", {
      body: {
        data: [
          { displayName: "Alice Brown", email: "alice@brown.com", externalId: "#12345678" },
          { displayName: "Bob Green", phoneNumber: "+4512345678" },
        ],
      },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    const [created, failed] = data?.data ?? [];
    expect(created?._type === "BulkActionSuccess" && created.data.email).toBe("alice@brown.com");
    expect(failed?._type === "BulkActionFailure" && failed.error._type).toBe("Validation");
  });

  failure("createEndUsers", "rejects an empty list", async () => {
    const { response } = await dixa.POST("/endusers/bulk", { body: { data: [] } });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "data"], code: "minItems" }),
    );
  });
});
