// Contract tests of the "Search" tag against Prism serving specs/dixa/openapi.yaml.
import { readViolations } from "@cxkit/mocks";
import { failure, happy } from "@cxkit/mocks/contract";
import { mockUrl } from "@cxkit/mocks/vitest";
import { beforeAll, describe, expect } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";

const TAG_ID = "177e7564-6434-4177-a25a-8530089196ad";

let dixa: DixaClient;

beforeAll(() => {
  dixa = createDixaClient({ apiKey: "test-key", baseUrl: mockUrl("dixa") });
});

describe("searchConversations", () => {
  happy("searchConversations", "finds conversations by filter and returns the next page link", async () => {
    const { data, error, response } = await dixa.POST("/search/conversations", {
      params: { query: { pageLimit: 50 } },
      body: {
        filters: {
          strategy: "All",
          conditions: [{ field: { _type: "TagId", operator: { _type: "IncludesOne", values: [TAG_ID] } } }],
        },
      },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data?.data).toEqual([{ id: 100 }, { id: 101 }]);
    expect(data?.meta?.next).toContain("pageKey=");
  });

  happy("searchConversations", "combines a text query with Any-of date conditions", async () => {
    const { response } = await dixa.POST("/search/conversations", {
      params: { query: { pageKey: "cGFnZUxpbWl0PTUwJnBhZ2U9MQ==" } },
      body: {
        query: { value: "refund", exactMatch: false },
        filters: {
          strategy: "Any",
          conditions: [
            {
              field: {
                _type: "CreationDate",
                operator: { _type: "Since", timestamp: "2024-03-01T00:00:00Z" },
              },
            },
            { field: { _type: "Status", operator: { _type: "IsOneOf", values: ["Open", "Pending"] } } },
          ],
        },
      },
    });
    expect(response.status).toBe(200);
    expect(readViolations(response)).toEqual([]);
  });

  failure("searchConversations", "rejects a pageLimit above 50", async () => {
    const { data, error, response } = await dixa.POST("/search/conversations", {
      params: { query: { pageLimit: 51 } },
      body: { query: { value: "refund" } },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error?.message).toEqual(expect.any(String));
    // Note: Prism reports path and query parameter names in lower case.
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "pagelimit"], code: "maximum" }),
    );
  });

  failure("searchConversations", "rejects a strategy other than All or Any", async () => {
    const { error, response } = await dixa.POST("/search/conversations", {
      body: {
        filters: {
          // @ts-expect-error -- strategy is All or Any; "Some" is sent on purpose
          strategy: "Some",
          conditions: [{ field: { _type: "Channel", operator: { _type: "IsOneOf", values: ["Email"] } } }],
        },
      },
    });
    expect(response.status).toBe(400);
    expect(error).toBeDefined();
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "filters", "strategy"], code: "enum" }),
    );
  });

  failure("searchConversations", "rejects an unknown operator", async () => {
    const { response } = await dixa.POST("/search/conversations", {
      body: {
        filters: {
          strategy: "All",
          // @ts-expect-error -- "Contains" is not a search operator; sent on purpose
          conditions: [{ field: { _type: "TagId", operator: { _type: "Contains", values: [TAG_ID] } } }],
        },
      },
    });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body", "filters", "conditions", "0", "field", "operator", "_type"],
        code: "enum",
      }),
    );
  });

  failure("searchConversations", "rejects an empty search body", async () => {
    const { response } = await dixa.POST("/search/conversations", { body: {} });
    expect(response.status).toBe(400);
    expect(readViolations(response)).toContainEqual(expect.objectContaining({ code: "minProperties" }));
  });
});
