'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_CHARACTERS_PER_ACCOUNT, type CharacterSummary } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { CharacterCard } from './character-card';
import { CreateCharacterForm } from './create-character-form';
import { DeleteDialog } from './delete-dialog';

/** Character select: list, create, soft-delete with confirmation, restore, enter. */
export function CharacterScreen({ initial }: { initial?: CharacterSummary[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.character.list.queryOptions(), initialData: initial });
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<CharacterSummary | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.character.list.queryFilter());
  const del = useMutation(trpc.character.delete.mutationOptions({ onSuccess: refresh }));
  const restore = useMutation(
    trpc.character.restore.mutationOptions({
      onSuccess: refresh,
      onError: (e) => setActionError(refusal(e)),
    }),
  );

  const characters = list.data ?? [];
  const active = characters.filter((c) => c.deletedAt === null);
  const deleted = characters.filter((c) => c.deletedAt !== null);
  const full = active.length >= MAX_CHARACTERS_PER_ACCOUNT;
  const showCreator = creating || (list.isSuccess && active.length === 0);
  const busy = del.isPending || restore.isPending;

  return (
    <div className="chars">
      <header className="chars__head">
        <div>
          <p className="panel__title">character select</p>
          <h1>Choose your runner</h1>
        </div>
        <div className="chars__slots">
          <span className="muted" data-testid="character-slots">
            {active.length}/{MAX_CHARACTERS_PER_ACCOUNT} slots
          </span>
          {list.isSuccess && !showCreator && (
            <button
              type="button"
              className="btn btn--magenta"
              data-testid="new-character"
              disabled={full}
              title={full ? 'All character slots are in use' : undefined}
              onClick={() => setCreating(true)}
            >
              + New character
            </button>
          )}
        </div>
      </header>

      {actionError && (
        <p className="form-error" role="alert" data-testid="action-error">
          {actionError}
        </p>
      )}
      {list.isPending && <p className="loading">Loading your roster…</p>}
      {list.isError && (
        <p className="form-error" role="alert">
          Could not load your characters: {refusal(list.error)}{' '}
          <button type="button" className="btn btn--small" onClick={() => void list.refetch()}>
            Retry
          </button>
        </p>
      )}

      <div className={`chars__layout${showCreator ? ' chars__layout--creating' : ''}`}>
        <section aria-label="Your characters" className="chars__list" data-testid="character-list">
          {list.isSuccess && active.length === 0 && (
            <p className="muted empty">No characters yet. Print your first runner →</p>
          )}
          {active.map((c) => (
            <CharacterCard key={c.id} character={c} busy={busy} onDelete={setToDelete} />
          ))}
          {deleted.length > 0 && (
            <>
              <h2 className="chars__subhead">Recently deleted</h2>
              {deleted.map((c) => (
                <CharacterCard
                  key={c.id}
                  character={c}
                  busy={busy}
                  onRestore={(x) => {
                    setActionError(null);
                    restore.mutate({ characterId: x.id });
                  }}
                />
              ))}
            </>
          )}
        </section>
        {showCreator && (
          <CreateCharacterForm canCancel={active.length > 0} onDone={() => setCreating(false)} />
        )}
      </div>

      {toDelete && (
        <DeleteDialog
          character={toDelete}
          busy={del.isPending}
          error={del.error ? refusal(del.error) : null}
          onCancel={() => {
            del.reset();
            setToDelete(null);
          }}
          onConfirm={() =>
            del.mutate({ characterId: toDelete.id }, { onSuccess: () => setToDelete(null) })
          }
        />
      )}
    </div>
  );
}
