import { z } from 'zod';
import { API_KEY_PATTERN } from './api-key';

export const apiKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter an API key')
  .regex(API_KEY_PATTERN, 'An API key is sk_live_ or sk_test_ followed by 32 letters or digits');

export const tokenRequestSchema = z.object({ api_key: apiKeySchema });
export const tokenResponseSchema = z.object({
  token: z.string(),
  expires_at: z.iso.datetime(),
});
