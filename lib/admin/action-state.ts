// The typed result every admin action returns (next-learn's `{ errors, message }` state),
// safe to import from client components for `useActionState`.
import type { ErrorCode } from '@/lib/errors';

export interface ActionState<Field extends string = string> {
  ok: boolean;
  /** Field name -> the first message for it; the form shows it next to the field. */
  errors?: Partial<Record<Field, string>>;
  /** One sentence for the whole form: success, refusal, conflict or "try again". */
  message?: string;
  /** Why it failed, when it did: `forbidden`, `conflict`, `unavailable`, ... */
  code?: ErrorCode | 'internal';
  /** The id of the entity the action created or changed (e.g. to navigate to it). */
  entityId?: string;
}

/** The state a form starts from (nothing to show yet). */
export const IDLE_ACTION_STATE: ActionState = { ok: false };
