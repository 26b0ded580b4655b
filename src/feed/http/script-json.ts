/** `<` written as `\u003c`, so no text in the data (a name with `</script>`) can end the element it is written in. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
