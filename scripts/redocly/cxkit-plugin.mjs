// cxkit's Redocly plugin, loaded by redocly.yaml: the `cxkit/operation-source` rule and the
// `propertyNames` keyword in OpenAPI 3.0 schemas.
import { OperationSource } from "./operation-source-rule.mjs";
import { withPropertyNames } from "./property-names-type.mjs";

export default function cxkitPlugin() {
  return {
    id: "cxkit",
    rules: { oas3: { "operation-source": OperationSource } },
    typeExtension: { oas3: withPropertyNames },
  };
}
