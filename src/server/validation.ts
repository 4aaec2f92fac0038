import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { unstorableText } from '../contract/common.ts';
import { AppError, type FieldProblem } from '../contract/errors.ts';

/** zod's issues as field problems: dotted paths, one problem per unknown key. */
function fieldProblems(issues: readonly z.core.$ZodIssue[], where: string): FieldProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => ({
        field: path ? `${path}.${k}` : k,
        message: `is not a known field of the ${where}`,
      }));
    return [{ field: path || where, message: issue.message }];
  });
}

/**
 * Validates each part of a request (path parameters, query string, body, headers) with the route's
 * zod schema, and refuses text PostgreSQL cannot store (`unstorableText`) anywhere in it, whatever
 * the schema says of the field: one place for every route, so no string reaches a query unchecked.
 * Every bad field of the part is named in one 422.
 */
export const requestValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const where = httpPart ?? 'request';
  return (data: unknown) => {
    const problems = unstorableText(data);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const named = new Set(problems.map((p) => p.field));
      problems.push(...fieldProblems(parsed.error.issues, where).filter((p) => !named.has(p.field)));
    }
    if (problems.length === 0) return { value: parsed.data };
    return {
      error: new AppError(
        'validation_failed',
        `The ${where} has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`,
        { fields: problems },
      ),
    };
  };
};
