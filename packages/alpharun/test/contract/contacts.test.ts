// Contract tests of the "Contacts" tag against Prism serving specs/alpharun/openapi.yaml.
import { preferCode, readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { type AlpharunClient, createAlpharunClient } from "../../src/index.js";

const contactShape = {
  id: expect.any(String),
  email: expect.any(String),
  phone_number: expect.any(String),
  ext_id: expect.any(String),
  first_name: expect.any(String),
  last_name: expect.any(String),
  custom_fields: expect.any(Array),
};

let client: AlpharunClient;

beforeAll(() => {
  client = createAlpharunClient({ token: "test-token", baseUrl: mockUrl("alpharun") });
});

describe("listContacts", () => {
  happy("listContacts", "returns a page of contacts with next_cursor beside data", async () => {
    const { data, error, response } = await client.GET("/contacts", { params: { query: { limit: 50 } } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toHaveProperty("next_cursor", null);
    const [first] = data?.data.contacts ?? [];
    expect(first).toMatchObject(contactShape);
    expect(first?.custom_fields?.[0]).toEqual({
      key: "preferred_contact_method",
      display_name: "Preferred Contact Method",
      type: "text",
      value: "email",
    });
  });

  happy("listContacts", "accepts a cursor from a previous page", async () => {
    const { response } = await client.GET("/contacts", { params: { query: { cursor: "next-page" } } });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("listContacts", "rejects limit above 100", async () => {
    const { data, error, response } = await client.GET("/contacts", { params: { query: { limit: 101 } } });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "limit"], code: "maximum" }),
    );
  });

  failure("listContacts", "rejects limit below 1", async () => {
    const { error, response } = await client.GET("/contacts", { params: { query: { limit: 0 } } });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "limit"], code: "minimum" }),
    );
  });
});

describe("getContact", () => {
  happy("getContact", "returns the contact unwrapped, found by UUID", async () => {
    const { data, error, response } = await client.GET("/contacts/{CONTACT_ID}", {
      params: { path: { CONTACT_ID: "6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f" } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toMatchObject(contactShape);
    expect(data).not.toHaveProperty("data");
  });

  happy("getContact", "accepts an alt:ext_id: identifier", async () => {
    const { data, response } = await client.GET("/contacts/{CONTACT_ID}", {
      params: { path: { CONTACT_ID: "alt:ext_id:ext_contact_789" } },
    });
    expect(response.status).toBe(200);
    expect(data?.ext_id).toEqual(expect.any(String));
  });

  failure("getContact", "surfaces a 404 as a typed error", async () => {
    const { data, error, response } = await client.GET("/contacts/{CONTACT_ID}", {
      params: { path: { CONTACT_ID: "alt:ext_id:unknown" } },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(404);
    expect(error?.message).toBe("Contact not found");
  });
});

describe("createContact", () => {
  happy("createContact", "creates a contact from an email and returns it unwrapped", async () => {
    const { data, error, response } = await client.POST("/contacts", {
      body: {
        email: "ada@example.com",
        first_name: "Ada",
        last_name: "Lovelace",
        custom_fields: [{ key: "preferred_contact_method", value: "email" }],
      },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toMatchObject(contactShape);
  });

  happy("createContact", "accepts a numeric phone number or an ext_id alone as the identifier", async () => {
    for (const body of [{ phone_number: 4512345678 }, { ext_id: "crm-42" }]) {
      const { response } = await client.POST("/contacts", { body });
      expect(response.status).toBe(200);
      expect(readViolations(response)).toEqual([]);
    }
  });

  failure("createContact", "rejects a contact with none of email, phone number and ext id", async () => {
    const { data, error, response } = await client.POST("/contacts", {
      // @ts-expect-error one of email, phone_number or ext_id is required
      body: { first_name: "Ada" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(400);
    expect(error?.message).toEqual(expect.any(String));
    const messages = readViolations(response).map((violation) => violation.message);
    for (const field of ["email", "phone_number", "ext_id"]) {
      expect(messages).toContainEqual(expect.stringContaining(`'${field}'`));
    }
  });

  failure("createContact", "rejects a malformed email", async () => {
    const { error, response } = await client.POST("/contacts", { body: { email: "not-an-email" } });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "email"], code: "format" }),
    );
  });
});

describe("updateContact", () => {
  happy("updateContact", "updates a contact found by alt:email: and returns it unwrapped", async () => {
    const { data, error, response } = await client.PATCH("/contacts", {
      body: {
        id: "alt:email:john.doe@example.com",
        first_name: "Johnny",
        custom_fields: {
          set: [{ key: "preferred_contact_method", value: "phone" }],
          remove: ["legacy_segment"],
        },
      },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toMatchObject(contactShape);
  });

  failure("updateContact", "rejects a body without id", async () => {
    const { data, error, response } = await client.PATCH("/contacts", {
      // @ts-expect-error id (UUID or alt:ext_id:/alt:email:/alt:phone_number:) is required
      body: { first_name: "Johnny" },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body"],
        code: "required",
        message: expect.stringContaining("'id'"),
      }),
    );
  });

  failure("updateContact", "rejects a non-string custom field value", async () => {
    const { error, response } = await client.PATCH("/contacts", {
      // @ts-expect-error contact custom field values are strings
      body: { id: "alt:ext_id:ext_contact_789", custom_fields: { set: [{ key: "score", value: 5 }] } },
    });
    expect(response.status).toBe(400);
    expect(error?.error).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "custom_fields", "set", "0", "value"] }),
    );
  });

  failure("updateContact", "surfaces a 404 as a typed error", async () => {
    const { error, response } = await client.PATCH("/contacts", {
      body: { id: "alt:email:nobody@example.com" },
      headers: preferCode(404),
    });
    expect(response.status).toBe(404);
    expect(error).toEqual({ error: 404, message: "Contact not found" });
  });
});
