'use client';
// A form bound to an admin action (lib/admin/action.ts) through useActionState. Fields
// below it read their error from the action's state, and the form announces the result
// (role="status" for success, role="alert" for a refusal) where the editor is looking.
import { createContext, startTransition, useActionState, useContext, type FormEvent, type ReactNode } from 'react';
import { IDLE_ACTION_STATE, type ActionState } from '@/lib/admin/action-state';
import styles from './admin.module.css';

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const StateContext = createContext<ActionState>(IDLE_ACTION_STATE);

interface AdminFormProps {
  action: Action;
  submitLabel: string;
  children: ReactNode;
  /** Accessible name of the form, e.g. "New channel". */
  label: string;
  /** Hidden fields (ids) sent with the form. */
  hidden?: Record<string, string>;
  /** Smaller inline form (a single button). */
  inline?: boolean;
}

export function AdminForm({ action, submitLabel, children, label, hidden, inline }: AdminFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACTION_STATE);
  // Submitted by hand rather than through <form action>: React resets a form after its
  // action runs, which would wipe what the editor typed whenever the server refuses it.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return (
    <StateContext value={state}>
      <form onSubmit={submit} aria-label={label} className={inline ? styles.inlineForm : styles.form} noValidate>
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <div className={styles.actions}>
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </button>
          {state.message ? (
            <p role={state.ok ? 'status' : 'alert'} className={state.ok ? styles.ok : styles.error}>
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
    </StateContext>
  );
}

interface FieldProps {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'email';
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  options?: { value: string; label: string }[];
}

/** A labelled input, textarea or select whose error comes from the form's action state. */
export function Field({ name, label, defaultValue, type = 'text', hint, required, multiline, options }: FieldProps) {
  const state = useContext(StateContext);
  const error = state.errors?.[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name, defaultValue: defaultValue ?? '', 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input {...common} type={type} />
      )}
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className={styles.error}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
