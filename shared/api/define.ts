import type { z } from 'zod';

/**
 * One API method: its input schema (validated at every door before dispatch) and, as a phantom
 * type, its output. `file: false` marks methods that work without an open administration.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  file: boolean;
  /** Phantom field carrying the output type; never set at runtime. */
  readonly __output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { file?: boolean } = {}): MethodSpec<I, O> => ({
    input,
    file: opts.file ?? true,
  });
}

export type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
