/**
 * A feature hook's tRPC mutation — `useMutation(trpc.x.y.mutationOptions({ onSuccess, … }))`
 * — as its callers call it: with what they have at hand (a name, a roster row), which
 * `toInput` turns into the procedure's input (adding the character id). The rest
 * (isPending, error, reset, per-call options) is the mutation's own.
 *
 * `withArg` runs after each call that succeeds, with the caller's argument: for what the
 * input does not carry (a friend's name for the toast). Unlike a per-call onSuccess it
 * runs for every call, also after the window that made it has closed, as the mutation's
 * own onSuccess does.
 */
import type { MutateOptions, UseMutationResult } from '@tanstack/react-query';

const ignore = () => undefined;

export function bindMutation<TArg, TData, TError, TInput, TContext>(
  m: UseMutationResult<TData, TError, TInput, TContext>,
  toInput: (arg: TArg) => TInput,
  withArg?: (data: TData, arg: TArg) => void,
) {
  type Options = MutateOptions<TData, TError, TInput, TContext>;
  const mutateAsync = async (arg: TArg, options?: Options): Promise<TData> => {
    const data = await m.mutateAsync(toInput(arg), options);
    withArg?.(data, arg);
    return data;
  };
  return {
    ...m,
    // as useMutation's own mutate: the error is the mutation's (onError, .error), not thrown
    mutate: (arg: TArg, options?: Options) => void mutateAsync(arg, options).catch(ignore),
    mutateAsync,
  };
}
