import type { DixaClient } from "@cxkit/dixa";
import { unwrap } from "@cxkit/runtime";
import type { SkipReason } from "../outcome.js";
import type { CustomAttributeDefinition } from "../vendor-types.js";

/** Dixa's conversation custom attribute definitions, by `identifier`. */
export interface AttributeIndex {
  /** the definition to write for an identifier, or why it cannot be written */
  lookup(identifier: string): { definition: CustomAttributeDefinition } | { skip: SkipReason };
}

interface CacheEntry {
  expiresAt: number;
  index: Promise<AttributeIndex>;
}

const cache = new WeakMap<DixaClient, CacheEntry>();

/**
 * Lists the custom attribute definitions once per client and `ttlMs`; concurrent callers share one
 * request, and a failed request is not cached.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tag/Custom-Attributes/
 */
export function attributeDefinitions(dixa: DixaClient, ttlMs: number): Promise<AttributeIndex> {
  const now = Date.now();
  const cached = cache.get(dixa);
  if (cached && cached.expiresAt > now) return cached.index;
  const index = dixa.GET("/custom-attributes").then((result) => indexDefinitions(unwrap(result).data));
  const entry = { expiresAt: now + ttlMs, index };
  cache.set(dixa, entry);
  index.catch(() => {
    if (cache.get(dixa) === entry) cache.delete(dixa);
  });
  return index;
}

function indexDefinitions(definitions: CustomAttributeDefinition[]): AttributeIndex {
  const conversation = new Map<string, CustomAttributeDefinition>();
  const contact = new Set<string>();
  for (const definition of definitions) {
    if (definition.entityType === "Conversation") {
      // Note: prefer a live definition when an archived one shares its identifier.
      const existing = conversation.get(definition.identifier);
      if (!existing || (existing.isArchived && !definition.isArchived)) {
        conversation.set(definition.identifier, definition);
      }
    } else contact.add(definition.identifier);
  }
  return {
    lookup(identifier) {
      const definition = conversation.get(identifier);
      if (!definition) {
        return contact.has(identifier)
          ? skip(
              "not-a-conversation-attribute",
              `"${identifier}" is a contact attribute, not a conversation one`,
            )
          : skip("unknown-attribute", `Dixa has no conversation custom attribute "${identifier}"`);
      }
      if (definition.isArchived) return skip("archived", `the Dixa attribute "${identifier}" is archived`);
      if (definition.isDeactivated)
        return skip("deactivated", `the Dixa attribute "${identifier}" is deactivated`);
      return { definition };
    },
  };
}

function skip(code: SkipReason["code"], message: string): { skip: SkipReason } {
  return { skip: { code, message } };
}
