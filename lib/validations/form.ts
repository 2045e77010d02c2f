// Server actions are public endpoints: anyone can call one with any arguments, not just our forms' FormData.
// Form actions check the argument's shape first and answer with a message instead of throwing (a bare 500).

export const MALFORMED_FORM = 'This form could not be read. Reload the page and try again.';

export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== 'undefined' && value instanceof FormData;
}

/** A text field's value, or '' when it is missing or is a file. */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}
