import { entriesToRecord } from '../core/request-parts.js'

/** A form field's value, a string or a file (spelt so it needs no DOM lib: Node's types have FormData, not `FormDataEntryValue`). */
export type FormField = NonNullable<ReturnType<FormData['get']>>

/**
 * A submitted form as the object its schema validates, the way routekit
 * parses form bodies for routes: repeated names become arrays, files stay
 * `File`s, `__proto__` is refused. React's own `$ACTION_` fields (the
 * action's id in a form posted before JavaScript loads) are not the
 * user's input and are left out.
 *
 * @example
 * ```ts
 * formFields(formData) // { text: 'milk', tags: ['home', 'food'] }
 * ```
 */
export function formFields(form: FormData): Record<string, FormField | FormField[]> {
  const fields: [string, FormField][] = []
  form.forEach((value, name) => {
    if (!name.startsWith('$ACTION_')) fields.push([name, value])
  })
  return entriesToRecord(fields)
}
