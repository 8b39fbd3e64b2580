import { readFile } from "node:fs/promises";
import { parse } from "yaml";

/** The HTTP methods an OpenAPI path item may hold. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface SpecParameter {
  name?: string;
  in?: string;
  required?: boolean;
  schema?: { minimum?: number };
  $ref?: string;
}

/** One operation of a spec: `"GET /path"`, its operationId and its parameters, path-level ones included. */
export interface SpecOperation {
  operation: string;
  method: (typeof HTTP_METHODS)[number];
  path: string;
  operationId: string;
  parameters: SpecParameter[];
}

type SpecDocument = {
  paths?: Record<
    string,
    Record<string, { operationId?: string; parameters?: SpecParameter[] }> & { parameters?: SpecParameter[] }
  >;
};

/** Reads a spec's operations in document order, with local `$ref` parameters resolved. */
export async function readSpecOperations(spec: string): Promise<SpecOperation[]> {
  const document = parse(await readFile(spec, "utf8")) as SpecDocument;
  const resolve = (parameter: SpecParameter): SpecParameter =>
    parameter.$ref
      ? (parameter.$ref
          .split("/")
          .slice(1)
          .reduce<unknown>(
            (node, key) => (node as Record<string, unknown>)?.[key],
            document,
          ) as SpecParameter)
      : parameter;
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = `${method.toUpperCase()} ${path}`;
      return {
        operation,
        method,
        path,
        operationId: item[method]?.operationId ?? operation,
        parameters: [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])].map(resolve),
      };
    }),
  );
}
