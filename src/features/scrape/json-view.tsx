import { allExpanded, defaultStyles, JsonView } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

/** Loaded on demand (its own chunk): the tree view of the structured data a `json` scrape returns. */
export function JsonDataView({ data }: { data: unknown }) {
  // JsonView takes an object or an array; a bare value is shown inside one.
  const tree = typeof data === 'object' && data !== null ? data : { value: data };
  return (
    <div className="text-xs">
      <JsonView data={tree} shouldExpandNode={allExpanded} style={defaultStyles} aria-label="Structured data" />
    </div>
  );
}
