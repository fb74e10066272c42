/**
 * The Standard Schema interface (standardschema.dev), declared here as types
 * only: zod 4, valibot, arktype and others implement it, so the core can
 * validate with any of them without importing one at run time.
 *
 * @example
 * ```ts
 * import { z } from 'zod'
 * const NewItem: StandardSchemaV1<unknown, { name: string }> = z.object({ name: z.string() })
 * ```
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

/**
 * What a Standard Schema's `validate` returns: the value, or the issues.
 *
 * @example
 * ```ts
 * const result: StandardResult<{ name: string }> = await NewItem['~standard'].validate(input)
 * if (result.issues) console.log(result.issues.map((issue) => issue.message))
 * ```
 */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> }

/**
 * One problem a Standard Schema found: its message, and where in the value.
 *
 * @example
 * ```ts
 * const issue: StandardIssue = { message: 'Required', path: ['items', 0, 'name'] }
 * ```
 */
export interface StandardIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/**
 * What a schema produces: transforms, defaults and coercion applied.
 *
 * @example
 * ```ts
 * const Query = z.object({ limit: z.coerce.number().default(20) })
 * type Query = InferOutput<typeof Query> // { limit: number }
 * ```
 */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output']

/**
 * What a schema accepts.
 *
 * @example
 * ```ts
 * const Query = z.object({ limit: z.coerce.number().default(20) })
 * type QueryInput = InferInput<typeof Query> // { limit?: unknown }
 * ```
 */
export type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input']

/** Runs a schema; libraries may validate synchronously or asynchronously, so the result is always awaited. */
export async function runSchema<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
): Promise<StandardResult<InferOutput<S>>> {
  return schema['~standard'].validate(value) as StandardResult<InferOutput<S>> | Promise<StandardResult<InferOutput<S>>>
}
