import { InvalidRequestError, quoteInput } from "@cxkit/runtime";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/**
 * The custom-attribute PATCH operations: their body maps attribute definition ids to values.
 * Note: Dixa's schema is `Map[UUID, Option[AttributeValue]]`; the spec's `propertyNames` makes the mock
 * reject other keys, but openapi-typescript types the keys as plain strings, so they are checked here.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/patchconversationsconversationidcustom-attributes
 */
const KEYED_BY_ATTRIBUTE_ID: ReadonlySet<string> = new Set([
  "/conversations/{conversationId}/custom-attributes",
  "/endusers/{userId}/custom-attributes",
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first key of a custom-attribute patch that is not a UUID, or undefined when all are. */
export function firstNonUuidKey(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  return Object.keys(body).find((key) => !UUID.test(key));
}

/** A rejection for a custom-attribute PATCH with a key that is not a UUID; undefined for any other call. */
function refuse(method: string, path: string, body: unknown): Promise<never> | undefined {
  if (method !== "PATCH" || !KEYED_BY_ATTRIBUTE_ID.has(path)) return undefined;
  const key = firstNonUuidKey(body);
  if (key === undefined) return undefined;
  const problem =
    `custom attribute key ${quoteInput(key)} is not a UUID: key each value by its definition's ` +
    "`id` (from GET /custom-attributes), not its `identifier`";
  return Promise.reject(new InvalidRequestError(`PATCH ${path}`, problem));
}

/**
 * Makes `client` refuse, with `InvalidRequestError` and without sending anything, a custom-attribute
 * PATCH whose body has a key that is not a UUID. Other calls are untouched: only `PATCH` (and
 * `request`) pass through one set lookup.
 */
export function checkCustomAttributeKeys<C extends { PATCH: unknown; request: unknown }>(client: C): C {
  const { PATCH: patch, request } = client as unknown as Pick<Client<paths>, "PATCH" | "request">;
  type Init = { body?: unknown } | undefined;
  client.PATCH = ((path: string, init: Init) =>
    refuse("PATCH", path, init?.body) ?? patch(path as never, init as never)) as C["PATCH"];
  client.request = ((method: string, path: string, init: Init) =>
    refuse(method.toUpperCase(), path, init?.body) ??
    request(method as never, path as never, init as never)) as C["request"];
  return client;
}
