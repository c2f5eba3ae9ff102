import * as Tabs from '@radix-ui/react-tabs';

/**
 * The row of tabs every tabbed panel uses (Radix: arrows move between tabs). The selected tab is marked
 * by its frame and an underline, not by colour alone.
 */
export function TabList({ label, tabs }: { label: string; tabs: readonly { id: string; label: string }[] }) {
  return (
    <Tabs.List aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-300">
      {tabs.map((tab) => (
        <Tabs.Trigger
          key={tab.id}
          value={tab.id}
          className="-mb-px rounded-t border border-transparent px-3 py-1.5 text-sm font-medium text-slate-700 hover:text-slate-950 data-[state=active]:border-slate-300 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:text-slate-950 data-[state=active]:underline"
        >
          {tab.label}
        </Tabs.Trigger>
      ))}
    </Tabs.List>
  );
}
