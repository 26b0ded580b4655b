import { z } from './zod.ts';

/** One line per problem, each naming the field by its path: `regions.2.id: must be 1-40 characters ...`. */
export function describeZodError(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('\n');
}

/** Parse or throw an Error whose message names what is wrong, prefixed by where the input came from. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) {
    throw new Error(`${what} is invalid:\n${describeZodError(result.error)}`);
  }
  return result.data;
}
