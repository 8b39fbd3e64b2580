// Contract tests of the "End Users" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const USER_ID = "434ce9f5-14c8-4be1-a0a8-f755010deb9b";
const TEXT_ATTRIBUTE_ID = "274e5a2c-7d0e-4f5f-9c1b-3a2d1e0f9a8b";
const SELECT_ATTRIBUTE_ID = "befae0d9-1c2b-4d3e-8f4a-5b6c7d8e9f0a";
const endUser = { path: { userId: USER_ID } };

const endUserShape = { id: expect.any(String), createdAt: expect.any(String) };

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listEndUsers", () => {
  happy("listEndUsers", "returns a page of end users filtered by email", async () => {
    const { data, error, response } = await dixa.GET("/endusers", {
      params: { query: { email: "alice@brown.com", pageLimit: 10 } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      ...endUserShape,
      email: "alice@brown.com",
      externalId: "#12345678",
    });
    expect(data?.data[0]).not.toHaveProperty("customAttributes");
    expect(data?.meta?.next).toContain("pageKey=");
  });

  happy("listEndUsers", "accepts a pageKey and the phone and externalId filters", async () => {
    const { response } = await dixa.GET("/endusers", {
      params: { query: { pageKey: "cGFnZT0y", phone: "+551155256325", externalId: "#12345678" } },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("listEndUsers", "rejects a pageLimit below 1", async () => {
    const { data, error, response } = await dixa.GET("/endusers", { params: { query: { pageLimit: 0 } } });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    // Note: Prism reports path and query parameter names in lower case.
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "pagelimit"], code: "minimum" }),
    );
  });
});

describe("getEndUser", () => {
  happy("getEndUser", "returns the end user with their custom attributes", async () => {
    const { data, error, response } = await dixa.GET("/endusers/{userId}", { params: endUser });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...endUserShape, id: USER_ID, displayName: "Alice Brown" });
    expect(data?.data.customAttributes).toEqual([
      { id: TEXT_ATTRIBUTE_ID, name: "Customer tier", identifier: "customer_tier", value: ["gold"] },
    ]);
  });

  failure("getEndUser", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/endusers/{userId}", {
      params: endUser,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("An entity in this request could not be found");
  });

  failure("getEndUser", "rejects a user id that is not a UUID", async () => {
    const { error, response } = await dixa.GET("/endusers/{userId}", {
      params: { path: { userId: "alice" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "path", "userid"], code: "format" }),
    );
  });
});

describe("createEndUser", () => {
  happy("createEndUser", "creates an end user with 201 Created", async () => {
    const { data, error, response } = await dixa.POST("/endusers", {
      body: {
        displayName: "Alice Brown",
        email: "alice@brown.com",
        phoneNumber: "+551155256325",
        additionalEmails: ["alice@secondary.email"],
        firstName: "Alice",
        lastName: "Brown",
        externalId: "#12345678",
      },
    });
    expect(response.status).toBe(201);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...endUserShape, email: "alice@brown.com", customAttributes: [] });
  });

  failure("createEndUser", "rejects an email that is not a string", async () => {
    const { data, error, response } = await dixa.POST("/endusers", {
      // @ts-expect-error -- email is a string; a number is sent on purpose
      body: { displayName: "Alice Brown", email: 42 },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "email"], code: "type" }),
    );
  });
});

describe("patchEndUser", () => {
  happy("patchEndUser", "updates some fields and returns the end user", async () => {
    const { data, error, response } = await dixa.PATCH("/endusers/{userId}", {
      params: endUser,
      body: { displayName: "Alice B. Brown", phoneNumber: "+551155256326" },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...endUserShape, displayName: "Alice B. Brown" });
  });

  failure("patchEndUser", "rejects an empty patch", async () => {
    const { error, response } = await dixa.PATCH("/endusers/{userId}", { params: endUser, body: {} });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body"], code: "minProperties" }),
    );
  });

  failure("patchEndUser", "rejects fields the end user does not have", async () => {
    const { response } = await dixa.PATCH("/endusers/{userId}", {
      params: endUser,
      // Note: tsc does not flag this extra field here, so Prism is what rejects it.
      body: { customAttributes: [] },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "additionalProperties" }),
    );
  });
});

describe("updateEndUser", () => {
  happy("updateEndUser", "replaces the end user's details", async () => {
    const { data, error, response } = await dixa.PUT("/endusers/{userId}", {
      params: endUser,
      body: { displayName: "Alice Brown", email: "alice@brown.com", middleNames: ["J."] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({ ...endUserShape, id: USER_ID, middleNames: ["J."] });
  });

  failure("updateEndUser", "rejects a full update without displayName", async () => {
    const { data, response } = await dixa.PUT("/endusers/{userId}", {
      params: endUser,
      // @ts-expect-error -- displayName is required on a full update; left out on purpose
      body: { email: "alice@brown.com" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'displayName'") }),
    );
  });
});

describe("patchEndUserCustomAttributes", () => {
  happy("patchEndUserCustomAttributes", "sets Text and Select attributes by definition id", async () => {
    const { data, error, response } = await dixa.PATCH("/endusers/{userId}/custom-attributes", {
      params: endUser,
      body: { [TEXT_ATTRIBUTE_ID]: "abcdef", [SELECT_ATTRIBUTE_ID]: ["example1", "example2"] },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual([
      { id: TEXT_ATTRIBUTE_ID, name: "Loyalty number", identifier: "loyalty_number", value: "abcdef" },
      {
        id: SELECT_ATTRIBUTE_ID,
        name: "Interests",
        identifier: "interests",
        value: ["example1", "example2"],
      },
    ]);
  });

  happy("patchEndUserCustomAttributes", "accepts null to clear an attribute", async () => {
    const { response } = await dixa.PATCH("/endusers/{userId}/custom-attributes", {
      params: endUser,
      body: { [TEXT_ATTRIBUTE_ID]: null },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("patchEndUserCustomAttributes", "rejects a Select value holding numbers", async () => {
    const { error, response } = await dixa.PATCH("/endusers/{userId}/custom-attributes", {
      params: endUser,
      // @ts-expect-error -- Select values are strings; numbers are sent on purpose
      body: { [SELECT_ATTRIBUTE_ID]: [1, 2] },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response).map((violation) => violation.location.slice(0, 3))).toContainEqual([
      "request",
      "body",
      SELECT_ATTRIBUTE_ID,
    ]);
  });
});

describe("listEndUserConversations", () => {
  happy("listEndUserConversations", "returns a page of the end user's conversations", async () => {
    const { data, error, response } = await dixa.GET("/endusers/{userId}/conversations", {
      params: { ...endUser, query: { pageLimit: 5 } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data[0]).toMatchObject({
      id: 100,
      requesterId: USER_ID,
      channel: "WidgetChat",
      state: "Closed",
    });
    // Note: the example is a last page (no `meta.next`), so paginating clients stop after it.
    expect(data?.meta?.next).toBeUndefined();
  });

  failure("listEndUserConversations", "rejects a pageLimit that is not an integer", async () => {
    const { error, response } = await dixa.GET("/endusers/{userId}/conversations", {
      // @ts-expect-error -- pageLimit is an integer; a string is sent on purpose
      params: { ...endUser, query: { pageLimit: "ten" } },
    });
    expect(response.status).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "pagelimit"], code: "type" }),
    );
  });
});

describe("anonymizeEndUser", () => {
  happy("anonymizeEndUser", "accepts the request with 202 and returns its status", async () => {
    const { data, error, response } = await dixa.PATCH("/endusers/{userId}/anonymize", {
      params: { ...endUser, query: { force: false } },
    });
    expect(response.status).toBe(202);
    expect(error).toBeUndefined();
    expect(data?.data).toMatchObject({
      _type: "User",
      targetEntityId: USER_ID,
      requestedBy: expect.any(String),
    });
  });

  failure("anonymizeEndUser", "surfaces a documented 404 as a typed error", async () => {
    const { data, error, response } = await dixa.PATCH("/endusers/{userId}/anonymize", {
      params: endUser,
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
  });
});
