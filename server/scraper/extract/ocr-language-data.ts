import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const DATA_FILE = 'eng.traineddata.gz';
/** The LSTM-only integer model: smaller and faster than 4.0.0's, and what tesseract.js itself prefers. */
const PREFERRED = '4.0.0_best_int';

/**
 * The folder of @tesseract.js-data/eng that holds the English model. Pointing tesseract.js at a
 * local folder is what keeps it from downloading the model from its CDN at run time.
 */
export function englishDataFolder(): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json'));
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => Number(b === PREFERRED) - Number(a === PREFERRED));
  const folder = folders.find((name) => existsSync(path.join(root, name, DATA_FILE)));
  if (folder === undefined) throw new Error(`@tesseract.js-data/eng has no ${DATA_FILE}`);
  return path.join(root, folder);
}
