// The one walk over an OpenAPI document's operations, shared by the spec build, the pruning, the
// spec diff and the validator generator.

/** The HTTP methods an OpenAPI path item may hold. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Each operation of `paths` (or `webhooks`) in document order. Replacing or deleting the yielded
 * operation on `pathItem` while walking is safe.
 * @returns {Generator<{ path: string, method: string, operation: any, pathItem: any }>}
 */
export function* eachOperation(paths) {
  for (const [path, pathItem] of Object.entries(paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method];
      if (operation) yield { path, method, operation, pathItem };
    }
  }
}
