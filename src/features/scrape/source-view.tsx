import hljs from 'highlight.js/lib/core';
import xml from 'highlight.js/lib/languages/xml';
import 'highlight.js/styles/github.css';
import { Fragment, useMemo, type ReactNode } from 'react';
import { TextView } from './text-view';

hljs.registerLanguage('xml', xml);

/** Past this, highlighting costs more than it helps (tens of thousands of spans); the source is shown plain. */
const HIGHLIGHT_LIMIT = 150_000;

/**
 * hljs returns markup: the page's text, escaped, inside `<span class="hljs-…">`. It is never injected: it is
 * parsed (DOMParser runs nothing) and rebuilt as React elements, keeping only the spans' classes and the text,
 * which React escapes again. So even a bug in hljs's escaping could not put the page's markup into ours.
 */
function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  const children = Array.from(node.childNodes, toReact);
  if (node instanceof Element && node.tagName === 'SPAN') {
    const className = (node.getAttribute('class') ?? '').split(/\s+/).filter((name) => name.startsWith('hljs-'));
    return (
      <span key={key} className={className.join(' ')}>
        {children}
      </span>
    );
  }
  return <Fragment key={key}>{children}</Fragment>;
}

function highlightHtml(source: string): ReactNode[] {
  const { value } = hljs.highlight(source, { language: 'xml', ignoreIllegals: true });
  const root = new DOMParser().parseFromString(`<div>${value}</div>`, 'text/html').body.firstChild;
  return root ? Array.from(root.childNodes, toReact) : [source];
}

/** Loaded on demand (its own chunk, with highlight.js): the scraped HTML as highlighted source text. */
export function SourceView({ html }: { html: string }) {
  const tooLarge = html.length > HIGHLIGHT_LIMIT;
  const highlighted = useMemo(() => (tooLarge ? null : highlightHtml(html)), [html, tooLarge]);
  if (!highlighted) {
    return (
      <>
        <p className="mb-2 text-xs text-slate-700">This page is too large to highlight; its source is shown plain.</p>
        <TextView text={html} label="HTML source" />
      </>
    );
  }
  return (
    <pre className="hljs text-xs leading-relaxed break-words whitespace-pre-wrap">
      <code>{highlighted}</code>
    </pre>
  );
}
