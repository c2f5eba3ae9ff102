import { findEntry } from '../../errors/catalog';

/** What the catalog says to change for a code: a module of its own, so the catalog loads only when it is shown. */
export function CatalogAdvice({ code }: { code: string }) {
  return <>{findEntry(code)?.whatToChange}</>;
}
