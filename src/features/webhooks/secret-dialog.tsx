import { Dialog } from '../../components/dialog';
import { CopyButton } from './copy-button';
import { CODE_BLOCK, PRIMARY_BUTTON } from './ui';

/** The signing secret, the one time it is shown (at creation and after a rotation). */
export function SecretDialog(props: { secret: string; url: string; onClose: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title="Signing secret"
      description={`Copy it now: it is not shown again. ${props.url} uses it to check the X-Alterlab-Signature header of every delivery.`}
    >
      <p className={CODE_BLOCK} aria-label="Signing secret">
        {props.secret}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CopyButton text={props.secret} label="Copy secret" />
        <button type="button" onClick={props.onClose} className={PRIMARY_BUTTON}>
          I have stored it
        </button>
      </div>
    </Dialog>
  );
}
