/**
 * A search term as a literal for Prisma's `contains`/`startsWith`/`endsWith`: on PostgreSQL
 * those become LIKE/ILIKE patterns and Prisma does not escape the pattern characters, so `%`
 * or `_` typed into a search box would match everything. Backslash is PostgreSQL's default
 * LIKE escape character.
 */
export const likeLiteral = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);
