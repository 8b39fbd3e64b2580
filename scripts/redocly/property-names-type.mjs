// OpenAPI 3.0 Schema Objects have no `propertyNames`; JSON Schema does, and Prism (which validates
// with Ajv) honours it. This type extension lets our 3.0 specs use it and lints its value as a schema.
// Note: openapi-typescript ignores it (keys stay `string`), so a client that relies on it checks the
// keys itself too; see packages/dixa/src/custom-attribute-keys.ts.

/** Redocly `typeExtension.oas3`: `Schema.propertyNames` is a Schema. */
export function withPropertyNames(types) {
  return {
    ...types,
    Schema: { ...types.Schema, properties: { ...types.Schema.properties, propertyNames: "Schema" } },
  };
}
