import { getRouteApi } from '@tanstack/react-router';
import { browserTimeZone, useReportZone } from './zone';

const route = getRouteApi('/usage');

/** UTC or the browser's time zone for every day on the page, and a sentence saying which is in use. */
export function ZoneSwitch() {
  const navigate = route.useNavigate();
  const { zone, timeZone } = useReportZone();
  const options = [
    { value: 'utc', label: 'UTC' },
    { value: 'local', label: `My time zone (${browserTimeZone()})` },
  ] as const;
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <legend className="sr-only">Time zone of the days</legend>
      <p className="font-medium" data-testid="usage-zone">
        Days are in {zone === 'utc' ? 'UTC' : `your time zone, ${timeZone}`}.
      </p>
      {options.map((option) => (
        <label key={option.value} className="flex items-center gap-1">
          <input
            type="radio"
            name="usage-zone"
            value={option.value}
            checked={zone === option.value}
            onChange={() =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  zone: option.value === 'utc' ? undefined : option.value,
                  day: undefined,
                }),
                resetScroll: false,
              })
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
