import type { Worker } from 'tesseract.js';
import { ScrapeFailure } from '../scrape-failure';
import { detectImage } from './image-type';
import { englishDataFolder } from './ocr-language-data';

/** BMP and TIFF: rare on the web, but Leptonica reads them, so they are not refused up front. */
const OTHER_READABLE = [
  [0x42, 0x4d],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

function isReadableImage(bytes: Uint8Array): boolean {
  if (detectImage(bytes) !== null) return true;
  return OTHER_READABLE.some((magic) => magic.every((byte, index) => bytes[index] === byte));
}

/**
 * One tesseract worker for the whole server: starting one (loading the wasm core and the model)
 * is the slow part, so it is created on first use and reused; recognitions queue behind each other.
 */
let worker: Promise<Worker> | null = null;
let queue: Promise<void> = Promise.resolve();

class DeadlinePassed extends Error {}

function startWorker(): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    let started = false;
    // Imported on the first image: an idle server does not carry tesseract.js.
    import('tesseract.js')
      .then(({ createWorker, OEM }) =>
        createWorker('eng', OEM.LSTM_ONLY, {
          langPath: englishDataFolder(),
          cacheMethod: 'none',
          gzip: true,
          // Without a handler tesseract.js throws every failed job from a message listener, which would
          // take the whole server down; the job's own promise already carries the error. A failure while
          // starting (e.g. missing model) never settles createWorker, so it is turned into a rejection here.
          errorHandler: (error: unknown) => {
            if (!started) reject(new Error(String(error)));
          },
        }),
      )
      .then((created) => {
        started = true;
        resolve(created);
      }, reject);
  });
}

function sharedWorker(): Promise<Worker> {
  if (!worker) {
    const starting = startWorker();
    worker = starting;
    starting.catch(() => {
      if (worker === starting) worker = null;
    });
  }
  return worker;
}

async function dropWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.then((w) => w.terminate()).catch(() => undefined);
}

function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

async function recognize(bytes: Uint8Array, deadline: number): Promise<string> {
  if (Date.now() >= deadline) throw new DeadlinePassed();
  // A start that outlives this deadline keeps going: the next image will use the worker.
  const ready = await beforeDeadline(sharedWorker(), deadline);
  const job = ready.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    const { data } = await beforeDeadline(job, deadline);
    return data.text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  } catch (error) {
    if (error instanceof DeadlinePassed) {
      // The worker is still busy with this image and cannot be interrupted; a fresh one frees the queue.
      job.catch(() => undefined);
      await dropWorker();
    }
    throw error;
  }
}

function toFailure(error: unknown): ScrapeFailure {
  if (error instanceof DeadlinePassed)
    return new ScrapeFailure('TIMEOUT', 'Reading the image took longer than the timeout');
  return new ScrapeFailure('EXTRACTION_FAILED', 'The image could not be read');
}

/** The text in an image ('' when there is none), read offline with tesseract.js within the deadline (epoch ms). */
export async function ocrImage(bytes: Uint8Array, deadline: number): Promise<string> {
  // Checked here rather than left to Leptonica, which would log its own errors for every bad body.
  if (!isReadableImage(bytes))
    throw new ScrapeFailure('EXTRACTION_FAILED', 'The body is not an image that can be read');
  const turn = queue.then(() => recognize(bytes, deadline));
  queue = turn.then(
    () => undefined,
    () => undefined,
  );
  try {
    // Racing here too: waiting behind other images counts against this request's deadline.
    return await beforeDeadline(turn, deadline);
  } catch (error) {
    throw toFailure(error);
  }
}

/** Terminates the shared worker (server shutdown); a later ocrImage starts a new one. */
export async function closeOcr(): Promise<void> {
  await dropWorker();
}
