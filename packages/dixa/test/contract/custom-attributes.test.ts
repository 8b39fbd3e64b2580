// Contract tests of the "Custom Attributes" tag against Prism serving specs/dixa/openapi.yaml.
import { preferCode } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("listCustomAttributeDefinitions", () => {
  happy(
    "listCustomAttributeDefinitions",
    "lists Text and Select definitions for conversations and contacts",
    async () => {
      const { data, error, response } = await dixa.GET("/custom-attributes");
      expect(response.status).toBe(200);
      expect(error).toBeUndefined();
      const [text, select] = data?.data ?? [];
      expect(text).toEqual({
        id: "c43fc767-f89b-443a-9c98-90f53f940bd7",
        entityType: "Conversation",
        identifier: "parcel_id",
        label: "Parcel ID",
        inputDefinition: { placeholder: "1234", _type: "Text" },
        description: "Id of the parcel",
        createdAt: "2023-01-01T08:23:54.246Z[GMT]",
        updatedAt: "2023-01-11T12:25:23.837Z[GMT]",
        isRequired: false,
        isArchived: false,
        isDeactivated: false,
      });
      expect(select).toMatchObject({ entityType: "Contact", inputDefinition: { _type: "Select" } });
      if (select?.inputDefinition._type === "Select") {
        expect(select.inputDefinition.options[0]).toMatchObject({
          value: "payment",
          nestedOptions: [{ value: "card", nestedOptions: [], isDeactivated: false, orderIndex: 0 }],
        });
      }
    },
  );

  failure("listCustomAttributeDefinitions", "surfaces a documented 500 as a typed error", async () => {
    const { data, error, response } = await dixa.GET("/custom-attributes", { headers: preferCode(500) });
    expect(response.status).toBe(500);
    expect(data).toBeUndefined();
    expect(error?.message).toBe("Internal failure during request processing");
  });

  failure("listCustomAttributeDefinitions", "surfaces a documented 404 as a typed error", async () => {
    const { error, response } = await dixa.GET("/custom-attributes", { headers: preferCode(404) });
    expect(response.status).toBe(404);
    expect(error?.message).toEqual(expect.any(String));
  });
});
