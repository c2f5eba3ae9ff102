import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ScrapeRequest } from '../../../contract/scrape';
import { sandboxQueries } from '../../api/sandbox';
import { DEMO_PRESETS, type DemoPreset } from './demo-presets-data';

/**
 * The sandbox's demo targets, one button each, to produce an outcome on purpose. A button fills the form and runs
 * nothing: the user reads what is about to happen and presses Run. Against the real API there is no demo web.
 */
export function DemoPresets({ onPick, className }: { onPick: (request: ScrapeRequest) => void; className: string }) {
  const info = useQuery(sandboxQueries.info());
  const headingId = useId();
  const [loaded, setLoaded] = useState<DemoPreset | null>(null);
  const demoWebUrl = info.data?.demo_web_url;
  // Until the sandbox answers, its box is kept (drawn invisible and out of reach): the form below it must not move
  // down when it arrives. Against the real API it answers without a demo web, and the box goes.
  const waiting = info.isPending;
  if (!demoWebUrl && !waiting) return null;

  const load = (preset: DemoPreset) => {
    if (!demoWebUrl) return;
    onPick(preset.request(demoWebUrl));
    setLoaded(preset);
  };

  return (
    <section
      aria-labelledby={headingId}
      aria-hidden={waiting || undefined}
      inert={waiting}
      className={`${className} space-y-2 rounded-lg border border-blue-200 bg-blue-50 p-4 ${waiting ? 'invisible' : ''}`}
    >
      <h2 id={headingId} className="text-base font-semibold">
        Try a demo target
      </h2>
      <p className="text-sm text-slate-700">
        Fills the form with a sandbox page whose outcome is known. Nothing runs until you press Run scrape.
      </p>
      <ul className="flex flex-wrap gap-2">
        {DEMO_PRESETS.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              title={preset.description}
              aria-describedby={`${headingId}-${preset.id}`}
              onClick={() => load(preset)}
              className="rounded-md border border-blue-700 bg-white px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-100"
            >
              {preset.label}
            </button>
            <span id={`${headingId}-${preset.id}`} hidden>
              {preset.description}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="text-sm text-slate-800">
        {loaded && `Loaded “${loaded.label}”: ${loaded.description} Press Run scrape to see it.`}
      </p>
    </section>
  );
}
