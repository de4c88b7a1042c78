/**
 * The shape of the schema data that `npm run generate` derives from each API
 * description (`generated/*-schemas.ts`) for the emulator's request
 * validation: JSON Schemas as plain data, so the emulator reads no file.
 */
export interface ApiSchemas {
  /** Component schemas by name; `$ref`s point at `#/components/schemas/<name>`. */
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  /** Operations by operationId. */
  readonly operations: Readonly<Record<string, OperationSchemas>>;
}

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), as data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** What the emulator checks a request of one operation against. */
export interface OperationSchemas {
  readonly method: string;
  readonly path: string;
  /** The status of a successful answer (200, 201 or 204). */
  readonly status: number;
  readonly parameters: readonly ParameterSchema[];
  readonly body?: {
    readonly mediaType: string;
    readonly required: boolean;
    readonly schema: JsonSchema;
  };
}

/** One path or query parameter. */
export interface ParameterSchema {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}
