import { z } from "zod";

/**
 * Env pieces and the deployables composed from them (the create-t3-turbo pattern: each
 * concern declares its own small piece; each deployable picks the pieces it needs, so a worker
 * never has to carry a console secret to start).
 *
 * A piece is a zod shape plus the keys a deployed environment (beta/stage/prod) must set
 * explicitly: the defaults are the local stack's (loopback ports, demo secrets), which must
 * never reach a pod silently.
 */
export const ENVIRONMENTS = ["local", "ci", "beta", "stage", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Environments that face real users and data. */
export function isDeployed(environment: Environment): boolean {
  return environment === "beta" || environment === "stage" || environment === "prod";
}

export type EnvSource = Record<string, string | undefined>;

export interface EnvPiece<S extends z.ZodRawShape = z.ZodRawShape> {
  /** What the piece configures, for error messages and docs ("database", "console sign-in"). */
  readonly name: string;
  readonly shape: S;
  /** Keys a deployed environment must set (their defaults are local-only), each with the reason. */
  readonly requiredWhenDeployed?: { readonly [K in keyof S & string]?: string };
  /**
   * Rules across keys of this piece; `environment` is the parsed ICP_ENVIRONMENT, `source` the
   * environment as given (to tell a key that was set from one that took its local default).
   */
  // Method syntax (bivariant), so any piece is an EnvPiece of the general shape.
  check?(
    env: z.output<z.ZodObject<S>>,
    fail: (key: keyof S & string, message: string) => void,
    environment: Environment,
    source: EnvSource,
  ): void;
}

/** Declares a piece (identity, for inference). */
export function envPiece<S extends z.ZodRawShape>(piece: EnvPiece<S>): EnvPiece<S> {
  return piece;
}

export class EnvError extends Error {
  constructor(
    readonly issues: string[],
    readonly deployable = "process",
  ) {
    super(`Invalid ${deployable} environment:\n  - ${issues.join("\n  - ")}`);
    this.name = "EnvError";
  }
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type ShapeOf<P> = P extends EnvPiece<infer S> ? S : never;
/** The merged shape of a list of pieces. */
export type MergedShape<P extends readonly EnvPiece[]> = Extract<
  UnionToIntersection<ShapeOf<P[number]>>,
  z.ZodRawShape
>;

export interface Deployable<S extends z.ZodRawShape> {
  /** "console", "worker", "migrate", "sandbox", … */
  readonly name: string;
  readonly pieces: readonly EnvPiece[];
  readonly schema: z.ZodObject<S>;
  /** Every variable this deployable reads. */
  readonly keys: readonly string[];
  /** Keys a deployed environment must set explicitly, each with the reason. */
  readonly requiredWhenDeployed: Readonly<Record<string, string>>;
  /** Parses a whole environment; throws an EnvError listing every problem at once. */
  parse(source: EnvSource): z.output<z.ZodObject<S>>;
  /** Problems with `source`, none when it parses. */
  problems(source: EnvSource): string[];
}

const environmentSchema = z.enum(ENVIRONMENTS).default("local");

/**
 * Composes pieces into one deployable's schema. The pieces must include `core` (it carries
 * ICP_ENVIRONMENT, which decides whether the deployed-only requirements apply).
 */
export function composeEnv<const P extends readonly EnvPiece[]>(
  name: string,
  pieces: P,
): Deployable<MergedShape<P>> {
  const shape: z.ZodRawShape = {};
  const requiredWhenDeployed: Record<string, string> = {};
  for (const piece of pieces) {
    for (const key of Object.keys(piece.shape)) {
      if (key in shape) throw new Error(`env piece ${piece.name} redeclares ${key}`);
    }
    Object.assign(shape, piece.shape);
    for (const [key, why] of Object.entries(piece.requiredWhenDeployed ?? {})) {
      if (why) requiredWhenDeployed[key] = why;
    }
  }
  if (!("ICP_ENVIRONMENT" in shape)) throw new Error(`env of ${name} lacks the core piece`);
  const schema = z.object(shape) as unknown as z.ZodObject<MergedShape<P>>;

  const problems = (source: EnvSource): string[] => {
    const result = schema.safeParse(source);
    const issues = result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    const environment = environmentSchema.safeParse(source.ICP_ENVIRONMENT);
    if (environment.success && isDeployed(environment.data)) {
      for (const [key, why] of Object.entries(requiredWhenDeployed)) {
        if (!source[key]?.trim()) issues.push(`${key}: required in ${environment.data} (${why})`);
      }
    }
    if (result.success && environment.success) {
      // One problem per variable: a key already reported missing is not also reported by a rule.
      const reported = new Set(issues.map((i) => i.slice(0, i.indexOf(":"))));
      for (const piece of pieces) {
        piece.check?.(
          result.data as z.output<z.ZodObject<z.ZodRawShape>>,
          (key, message) => {
            if (!reported.has(key)) issues.push(`${key}: ${message}`);
          },
          environment.data,
          source,
        );
      }
    }
    return issues;
  };

  return {
    name,
    pieces,
    schema,
    keys: Object.keys(shape),
    requiredWhenDeployed,
    problems,
    parse(source) {
      const issues = problems(source);
      if (issues.length > 0) throw new EnvError(issues, name);
      return schema.parse(source);
    },
  };
}
