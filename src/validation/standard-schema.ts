/**
 * The Standard Schema interface (standardschema.dev), declared here as types
 * only: zod 4, valibot, arktype and others implement it, so the core can
 * validate with any of them without importing one at run time.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> }

export interface StandardIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/** What a schema produces: transforms, defaults and coercion applied. */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output']

/** What a schema accepts. */
export type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input']

/** Runs a schema; libraries may validate synchronously or asynchronously, so the result is always awaited. */
export async function runSchema<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
): Promise<StandardResult<InferOutput<S>>> {
  return schema['~standard'].validate(value) as StandardResult<InferOutput<S>> | Promise<StandardResult<InferOutput<S>>>
}
