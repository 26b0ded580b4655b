import type { z } from 'zod';

/** One line per problem, each naming the field by its path: `regions.2.id: must be 1-40 characters ...`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('\n');
}

/** Parse or throw an Error whose message names what is wrong, prefixed by where the input came from. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new Error(`${what} is invalid:\n${describeZodError(result.error)}`);
  }
  return result.data;
}
