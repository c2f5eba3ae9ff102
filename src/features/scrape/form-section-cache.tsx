import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { SCRAPE_DEFAULTS, SCRAPE_LIMITS } from '../../../contract/scrape-defaults';
import { formatNumber } from '../../lib/format';
import { Checkbox, Field, FIELDSET_CLASS, LEGEND_CLASS, NUMBER_INPUT } from '../../components/form-field';
import type { ScrapeFormValues } from './form-values';

const { min, max } = SCRAPE_LIMITS.cacheTtlSeconds;
const LIFETIME_HINT = `${formatNumber(min)} to ${formatNumber(max)}; ${formatNumber(SCRAPE_DEFAULTS.cache_ttl)} when left as is.`;

/** The cache: a hit is free. Its lifetime and "force refresh" mean nothing with the cache off, so they are disabled. */
export function CacheSection({ form }: { form: UseFormReturn<ScrapeFormValues> }) {
  const { errors } = useFormState({ control: form.control, name: ['cache', 'cache_ttl', 'force_refresh'] });
  const cacheOn = useWatch({ control: form.control, name: 'cache' });
  // A plain `disabled` attribute, not register's option, which would drop the values from the form (and the draft).
  return (
    <fieldset className={FIELDSET_CLASS}>
      <legend className={LEGEND_CLASS}>Cache</legend>
      <Checkbox
        label="Use the cache"
        hint="A page scraped recently is served from the cache, for 0 credits."
        input={form.register('cache')}
      />
      <Field
        label="Cache lifetime (seconds)"
        hint={cacheOn ? LIFETIME_HINT : 'Turn the cache on to set its lifetime.'}
        error={cacheOn ? errors.cache_ttl?.message : undefined}
      >
        {(control) => <input {...control} {...NUMBER_INPUT} {...form.register('cache_ttl')} disabled={!cacheOn} />}
      </Field>
      <Checkbox
        label="Force a fresh fetch (and refresh the cache)"
        input={{ ...form.register('force_refresh'), disabled: !cacheOn }}
      />
    </fieldset>
  );
}
