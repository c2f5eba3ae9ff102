import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../contract/sessions';
import { sessionMutations } from '../../api/sessions';
import { DeleteWithConfirmation } from '../../components/delete-with-confirmation';

/** Delete, after a confirmation that says what it breaks. */
export function DeleteSession({ session, onDeleted }: { session: Session; onDeleted: () => void }) {
  const remove = useMutation(sessionMutations.remove(useQueryClient()));
  return (
    <DeleteWithConfirmation
      remove={remove}
      id={session.id}
      title={`Delete “${session.name}”?`}
      description="Its cookies are erased and scrapes that send its id fail with SESSION_INACTIVE (410). This cannot be undone."
      confirmLabel="Delete session"
      deletedText={`Session “${session.name}” deleted. Scrapes with its id now answer SESSION_INACTIVE (410).`}
      onDeleted={onDeleted}
    />
  );
}
