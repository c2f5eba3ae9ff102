import { z } from 'zod';
import { PLANS } from './plans';

/** A plan's name as the API answers it. */
export const planSchema = z.enum(PLANS);
