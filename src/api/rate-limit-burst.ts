import { usageSchema } from '../../contract/usage';
import { request } from './http-client';

/**
 * One call of the rate-limit page's burst, as the user's own: GET /usage is free of charge and counted in the
 * key's limits like any call, so a burst of it shows 429s without spending credits.
 */
export const sendBurstCall = () => request(usageSchema, '/usage', { source: 'user' }).then((response) => response.data);
