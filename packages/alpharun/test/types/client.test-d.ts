// Type tests of the generated Alpharun client: what compiles and, with @ts-expect-error, what must not.
import { describe, expectTypeOf, test } from "vitest";
import { type AlpharunClient, type components, createAlpharunClient } from "../../src/index.js";

type Schemas = components["schemas"];
const client: AlpharunClient = createAlpharunClient({ token: "test-token" });
const CUSTOMER_INTERACTION_ID = "11111111-2222-3333-4444-555555555555";

describe("paths", () => {
  test("only the spec's paths are callable", () => {
    // @ts-expect-error no such path: interactions live under /customer-interactions
    void client.GET("/interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID } },
    });
    // @ts-expect-error GET /contacts/{CONTACT_ID} exists, PATCH on it is not in the spec
    void client.PATCH("/contacts/{CONTACT_ID}", {
      params: { path: { CONTACT_ID: "x" } },
      body: { first_name: "A" },
    });
  });

  test("a required path parameter cannot be left out", () => {
    // @ts-expect-error CUSTOMER_INTERACTION_ID is required
    void client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params: { path: {} } });
    // @ts-expect-error the params object is required on a path with parameters
    void client.GET("/contacts/{CONTACT_ID}");
  });
});

describe("request bodies", () => {
  test("custom field values are string, number, boolean or null", () => {
    const path = { CUSTOMER_INTERACTION_ID };
    void client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      body: {
        custom_fields: [
          { key: "a", value: "x" },
          { key: "b", value: 1 },
          { key: "c", value: true },
          { key: "d", value: null },
        ],
      },
    });
    expectTypeOf<Schemas["CustomFieldValue"]["value"]>().toEqualTypeOf<string | number | boolean | null>();
    void client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      // @ts-expect-error an object is not a custom field value
      body: { custom_fields: [{ key: "a", value: { x: 1 } }] },
    });
    // @ts-expect-error custom_fields is required
    void client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", { params: { path }, body: {} });
  });

  test("creating a contact needs one of email, phone_number and ext_id", () => {
    void client.POST("/contacts", { body: { email: "ada@example.com" } });
    void client.POST("/contacts", { body: { phone_number: 4512345678 } });
    void client.POST("/contacts", { body: { ext_id: "crm-42", first_name: "Ada" } });
    // @ts-expect-error none of email, phone_number and ext_id
    void client.POST("/contacts", { body: { first_name: "Ada" } });
  });

  test("updating a contact needs its identifier", () => {
    void client.PATCH("/contacts", {
      body: { id: "alt:ext_id:crm-42", custom_fields: { remove: ["legacy"] } },
    });
    // @ts-expect-error id is required
    void client.PATCH("/contacts", { body: { first_name: "Ada" } });
  });
});

describe("responses", () => {
  test("getCustomerInteraction data has data_extraction_fields", async () => {
    const { data, error } = await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path: { CUSTOMER_INTERACTION_ID } },
    });
    const interaction = data?.data.customer_interaction;
    expectTypeOf(interaction).toEqualTypeOf<Schemas["CustomerInteraction"] | undefined>();
    expectTypeOf<Schemas["CustomerInteraction"]>().toHaveProperty("data_extraction_fields");
    expectTypeOf(interaction?.data_extraction_fields).toEqualTypeOf<
      Schemas["DataExtractionField"][] | undefined
    >();
    expectTypeOf<Schemas["CustomerInteraction"]["id"]>().toEqualTypeOf<string>();
    expectTypeOf(error).toEqualTypeOf<Schemas["Error"] | undefined>();
  });

  test("list responses carry next_cursor beside data", async () => {
    const { data } = await client.GET("/contacts", { params: { query: { limit: 10 } } });
    expectTypeOf(data?.next_cursor).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(data?.data.contacts).toEqualTypeOf<Schemas["Contact"][] | undefined>();
    // @ts-expect-error limit is a number
    void client.GET("/contacts", { params: { query: { limit: "10" } } });
  });

  test("every wrapped 2xx requires data and its payload, so no optional chain is needed past data", async () => {
    const path = { CUSTOMER_INTERACTION_ID };
    const fetched = await client.GET("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
    });
    if (fetched.data) {
      expectTypeOf(fetched.data.data.customer_interaction).toEqualTypeOf<Schemas["CustomerInteraction"]>();
    }
    const updated = await client.PATCH("/customer-interactions/{CUSTOMER_INTERACTION_ID}", {
      params: { path },
      body: { custom_fields: [{ key: "priority", value: "high" }] },
    });
    if (updated.data) {
      expectTypeOf(updated.data.data.customer_interaction).toEqualTypeOf<
        Schemas["UpdatedCustomerInteraction"]
      >();
    }
    type Envelopes = [
      Schemas["GetCustomerInteractionResponse"],
      Schemas["UpdateCustomerInteractionResponse"],
      Schemas["CustomerInteractionTranscriptsResponse"],
      Schemas["ListCustomerInteractionsResponse"],
      Schemas["ListContactsResponse"],
    ];
    type DataIsOptional<T> = T extends unknown
      ? undefined extends T[keyof T & "data"]
        ? true
        : never
      : never;
    expectTypeOf<DataIsOptional<Envelopes[number]>>().toEqualTypeOf<never>();
    expectTypeOf<
      Schemas["CustomerInteractionTranscriptsResponse"]["data"]["customer_interaction"]["transcripts"]
    >().toEqualTypeOf<Schemas["Transcript"][]>();
    expectTypeOf<
      Schemas["ListCustomerInteractionsResponse"]["data"]["customer_interactions"]
    >().toEqualTypeOf<Schemas["CustomerInteraction"][]>();
  });

  test("getContact returns the contact unwrapped", async () => {
    const { data } = await client.GET("/contacts/{CONTACT_ID}", {
      params: { path: { CONTACT_ID: "alt:ext_id:crm-42" } },
    });
    expectTypeOf(data).toEqualTypeOf<Schemas["ContactResponse"] | undefined>();
    expectTypeOf<Schemas["ContactResponse"]>().toHaveProperty("email");
  });

  test("the webhook payload is typed", () => {
    expectTypeOf<
      Schemas["CustomerInteractionUpdatedWebhook"]["event_type"]
    >().toEqualTypeOf<"customer_interaction.updated">();
    expectTypeOf<
      Schemas["CustomerInteractionUpdatedWebhook"]["data"]["customer_interaction"]
    >().toEqualTypeOf<{
      id: string;
      public_api_url: string;
    }>();
  });
});
