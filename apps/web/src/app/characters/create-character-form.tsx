'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  ATTRIBUTE_KEYS,
  CLASSES,
  CreateCharacterInputSchema,
  ORIGINS,
  maxHealthFor,
  startingAttributes,
  type ClassId,
  type OriginId,
} from '@necp/shared';
import { Field } from '@/components/field';
import { toFormError, zodFieldErrors, type FieldErrors } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { AttributeBars } from './attribute-bars';
import { classLabel, originName } from './format';
import { OptionPicker } from './option-picker';

const short = (k: string) => k.slice(0, 3).toUpperCase();

export function CreateCharacterForm({
  onDone,
  canCancel,
}: {
  onDone: () => void;
  canCancel: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [origin, setOrigin] = useState<OriginId>(ORIGINS[0].id);
  const [cls, setCls] = useState<ClassId>(CLASSES[0].id);
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(
    trpc.character.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.character.list.queryFilter()),
    }),
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = CreateCharacterInputSchema.safeParse({ name, origin, class: cls });
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    setFields({});
    try {
      await create.mutateAsync(parsed.data);
      onDone();
    } catch (err) {
      const f = toFormError(err);
      setFields(f.fields);
      setFormError(f.message);
    }
  }

  const attrs = startingAttributes(origin, cls);
  return (
    <form
      className="panel creator"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      data-testid="create-character-form"
    >
      <p className="panel__title">new character</p>
      {formError && (
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}
      <Field
        label="Name"
        name="name"
        data-testid="character-name-input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="off"
        maxLength={16}
        hint="3–16 letters or digits, one hyphen allowed"
        error={fields.name}
      />
      <OptionPicker
        legend="Origin"
        name="origin"
        options={ORIGINS}
        value={origin}
        onChange={setOrigin}
        error={fields.origin}
        detail={(o) =>
          Object.entries(o.bonus)
            .map(([k, v]) => `+${v} ${short(k)}`)
            .join('  ')
        }
      />
      <OptionPicker
        legend="Class"
        name="class"
        options={CLASSES}
        value={cls}
        onChange={setCls}
        error={fields.class}
        detail={(c) => ATTRIBUTE_KEYS.map((k) => `${short(k)} ${c.base[k]}`).join(' ')}
      />
      <div className="creator__preview" data-testid="attribute-preview">
        <p className="field__label">
          Starting attributes — {originName(origin)} {classLabel(cls)}
        </p>
        <AttributeBars attrs={attrs} testId="starting-attributes" />
        <p className="muted">
          Health <strong className="neon-green">{maxHealthFor(attrs, 1)}</strong>
        </p>
      </div>
      <div className="creator__actions">
        {canCancel && (
          <button type="button" className="btn btn--ghost" onClick={onDone}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending}
          data-testid="create-character-submit"
        >
          {create.isPending ? 'Printing…' : 'Create character'}
        </button>
      </div>
    </form>
  );
}
