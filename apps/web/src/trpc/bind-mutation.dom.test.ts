// @vitest-environment happy-dom
/**
 * bindMutation in a real React tree (happy-dom): callers pass their own argument, the
 * procedure gets `toInput`'s, and `withArg` runs for every call that succeeds — also for
 * an earlier call overtaken by a later one, and after the component that made them is
 * gone (a per-call onSuccess runs in neither case).
 */
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindMutation } from './bind-mutation';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Row {
  id: string;
  name: string;
}

/** a server whose answers the test releases one by one */
function fakeServer() {
  const calls: { input: { characterId: string; rowId: string }; answer: (ok: boolean) => void }[] =
    [];
  const call = (input: { characterId: string; rowId: string }) =>
    new Promise<{ done: string }>((resolve, reject) =>
      calls.push({
        input,
        answer: (ok) => (ok ? resolve({ done: input.rowId }) : reject(new Error('refused'))),
      }),
    );
  return { calls, call };
}

describe('bindMutation', () => {
  let root: Root;
  let server: ReturnType<typeof fakeServer>;
  let said: string[];
  let bound: ReturnType<typeof useBound> | undefined;

  function useBound() {
    return bindMutation(
      useMutation({ mutationFn: server.call, onError: () => said.push('refused') }),
      (r: Row) => ({ characterId: 'c1', rowId: r.id }),
      (data, r) => said.push(`${data.done}: ${r.name}`),
    );
  }
  function Probe() {
    bound = useBound();
    return null;
  }

  beforeEach(async () => {
    server = fakeServer();
    said = [];
    root = createRoot(document.createElement('div'));
    const client = new QueryClient();
    await act(async () =>
      root.render(createElement(QueryClientProvider, { client }, createElement(Probe))),
    );
  });
  afterEach(() => act(() => root.unmount()));

  /** React Query calls the mutation function and tells observers a macrotask later */
  const settle = () =>
    act(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    });

  it('sends the input toInput builds and tells each success with its own argument', async () => {
    const perCall: string[] = [];
    await act(async () => {
      bound!.mutate({ id: 'a', name: 'Ann' }, { onSuccess: (d) => perCall.push(d.done) });
      bound!.mutate({ id: 'b', name: 'Bo' }, { onSuccess: (d) => perCall.push(d.done) });
    });
    await settle();
    expect(server.calls.map((c) => c.input)).toEqual([
      { characterId: 'c1', rowId: 'a' },
      { characterId: 'c1', rowId: 'b' },
    ]);
    expect(bound!.isPending).toBe(true);
    server.calls[0]!.answer(true);
    server.calls[1]!.answer(true);
    await settle();
    expect(said).toEqual(['a: Ann', 'b: Bo']);
    // the per-call option is the mutation's own: only the last call's runs
    expect(perCall).toEqual(['b']);
    expect(bound!.isSuccess).toBe(true);
  });

  it('tells a success that lands after the component is gone', async () => {
    await act(async () => bound!.mutate({ id: 'a', name: 'Ann' }));
    await settle();
    await act(async () => root.unmount());
    root = createRoot(document.createElement('div'));
    server.calls[0]!.answer(true);
    await settle();
    expect(said).toEqual(['a: Ann']);
  });

  it('a refusal goes to the mutation (onError, error), not to withArg, and mutate does not throw', async () => {
    await act(async () => bound!.mutate({ id: 'a', name: 'Ann' }));
    await settle();
    server.calls[0]!.answer(false);
    await settle();
    expect(said).toEqual(['refused']);
    expect(bound!.error?.message).toBe('refused');
    const p = bound!.mutateAsync({ id: 'b', name: 'Bo' });
    await settle();
    server.calls[1]!.answer(false);
    await expect(p).rejects.toThrow('refused');
    await settle();
    expect(said).toEqual(['refused', 'refused']);
  });
});
