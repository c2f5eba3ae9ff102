import type { Sealer } from '../plugins/secrets-key';
import type { SessionFields, SessionRow } from '../repositories/sessions-repository';
import type { SessionCredentials } from './login-check';
import { sessionInactive } from './session-failures';

/** The additional data each record is sealed with: its values open on their own row of their own account only. */
const sealContext = (accountId: string, id: string) => `session:${accountId}:${id}`;

/** A session's cookies and headers in and out of their sealed column: names in clear, values sealed together. */
export function sessionSecrets(sealer: Sealer) {
  return {
    /** The values of a live session; a deleted one's were wiped with it. */
    open(row: SessionRow): SessionCredentials {
      if (!row.secret_iv || !row.secret_tag || !row.secret_data) throw sessionInactive(row.id);
      const sealed = { iv: row.secret_iv, tag: row.secret_tag, data: row.secret_data };
      return JSON.parse(sealer.open(sealed, sealContext(row.account_id, row.id))) as SessionCredentials;
    },

    /** What a create or an edit stores: `rest`, the names of the values, and the values sealed. */
    fields(
      accountId: string,
      id: string,
      values: SessionCredentials,
      rest: Omit<SessionFields, 'cookie_names' | 'header_names' | 'secrets'>,
    ): SessionFields {
      return {
        ...rest,
        cookie_names: Object.keys(values.cookies),
        header_names: Object.keys(values.headers),
        secrets: sealer.seal(JSON.stringify(values), sealContext(accountId, id)),
      };
    },
  };
}
