import { describe, expect, test } from "vitest";
import { payloadSchemas, prepareSpec, responseSchemas } from "../validators/spec-schemas.mjs";

const object = (properties: string[]) => ({
  type: "object",
  description: "docs are stripped",
  properties: Object.fromEntries(properties.map((name) => [name, { type: "string", example: "x" }])),
});

const spec = {
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
          "404": { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
      patch: { operationId: "patchThing", responses: { "204": { description: "no body" } } },
    },
    "/shared": {
      get: { operationId: "getShared", responses: { "200": { $ref: "#/components/responses/Shared" } } },
    },
  },
  components: {
    responses: { Shared: { content: { "application/json": { schema: object(["a"]) } } } },
    schemas: {
      Thing: object(["id"]),
      Error: object(["message"]),
      Merged: { allOf: [{ $ref: "#/components/schemas/Base" }, object(["more"])] },
      Base: object(["base"]),
      Either: { anyOf: [{ $ref: "#/components/schemas/Left" }, object(["right"])] },
      Left: object(["left"]),
      Tagged: {
        oneOf: [{ $ref: "#/components/schemas/Cat" }],
        discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } },
      },
      Cat: object(["kind"]),
      Open: { ...object(["x"]), additionalProperties: true },
      ThingWebhook: object(["event"]),
    },
  },
};

describe("the schemas the validators are compiled from", () => {
  test("are each operation's 2xx JSON responses, shared responses resolved, and the webhook payloads", () => {
    expect(responseSchemas(spec)).toEqual({
      "GET /things/{id}": {
        operationId: "getThing",
        statuses: { "200": "#/paths/~1things~1{id}/get/responses/200/content/application~1json/schema" },
      },
      "GET /shared": {
        operationId: "getShared",
        statuses: { "200": "#/components/responses/Shared/content/application~1json/schema" },
      },
    });
    expect(payloadSchemas(spec)).toEqual([["ThingWebhook", "#/components/schemas/ThingWebhook"]]);
  });

  test("close listed objects, so an extra field is an error, but leave composition members open", () => {
    const { components } = prepareSpec(spec);
    const closed = (name: string) => components.schemas[name].additionalProperties;
    expect(closed("Thing")).toBe(false);
    expect(closed("Cat")).toBe(false); // a member picked by a discriminator stands alone
    expect(closed("Base")).toBeUndefined(); // allOf member
    expect(closed("Left")).toBeUndefined(); // anyOf member without a discriminator
    expect(components.schemas.Merged.allOf[1].additionalProperties).toBeUndefined();
    expect(closed("Open")).toBe(true); // the spec's own word stands
    expect(components.responses.Shared.content["application/json"].schema.additionalProperties).toBe(false);
  });

  test("strip docs, make refs absolute under the `spec` id, and drop the discriminator mapping Ajv refuses", () => {
    const prepared = prepareSpec(spec);
    expect(prepared.$id).toBe("spec");
    expect(prepared.components.schemas.Thing).toEqual({
      type: "object",
      properties: { id: { type: "string" } },
      additionalProperties: false,
    });
    expect(prepared.components.schemas.Tagged.oneOf[0].$ref).toBe("spec#/components/schemas/Cat");
    expect(prepared.components.schemas.Tagged.discriminator).toEqual({ propertyName: "kind" });
    expect(spec.components.schemas.Thing.description).toBe("docs are stripped"); // the input is left alone
  });
});
