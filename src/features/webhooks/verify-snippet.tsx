import * as Tabs from '@radix-ui/react-tabs';
import { TabList } from '../../components/tab-list';
import { CopyButton } from './copy-button';
import { ScrollRegion } from '../../components/scroll-region';
import { CODE_BLOCK, SCROLL_FRAME } from './ui';
import { VERIFY_SNIPPETS } from './verify-snippets';

/** How a receiver checks that a delivery came from here: short code in Node and Python. */
export function VerifySnippet() {
  return (
    <Tabs.Root defaultValue={VERIFY_SNIPPETS[0].id} className="space-y-2">
      <TabList label="Language" tabs={VERIFY_SNIPPETS} />
      {VERIFY_SNIPPETS.map((snippet) => (
        <Tabs.Content key={snippet.id} value={snippet.id} className="space-y-2">
          <ScrollRegion label={`${snippet.label} signature check`} className={SCROLL_FRAME}>
            <pre className={CODE_BLOCK}>{snippet.code}</pre>
          </ScrollRegion>
          <CopyButton text={snippet.code} label={`Copy ${snippet.label} code`} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
