/**
 * What an imported document may cost the server, in one place (README "Limits of imported
 * documents", docs/decisions/0022-bounded-documents-and-a-worker-pool.md). The shape limits
 * refuse a hostile document in milliseconds, before anything parses it; the time and memory
 * limits of a worker job catch whatever a document finds beyond them.
 */

/** A web page: 5 MB, the most a URL import fetches (an upload is held to 3 MB before this). */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;
/** Start tags in a page. A long news article has 2,000 to 5,000; Readability's time grows with the count. */
export const MAX_HTML_ELEMENTS = 30_000;
/** Elements open inside each other. Real pages stay under 40; Readability's time grows with the cube of it. */
export const MAX_HTML_DEPTH = 100;

/** Parts in a Word file's zip. Word writes a dozen or two, plus one per image. */
export const MAX_DOCX_ENTRIES = 1_000;
/** The XML of a Word file, unpacked, all parts together: a 2 MB article is 5 to 15 MB of it. */
export const MAX_DOCX_XML_BYTES = 20 * 1024 * 1024;
/** XML elements open inside each other in one part. Word writes 10 to 20 (a table in a table adds 3); mammoth's stack gives out near 3,000. */
export const MAX_DOCX_XML_DEPTH = 256;

/** Pasted or uploaded text longer than this is split into claims in a worker rather than on the request thread. */
export const PARSE_IN_WORKER_CHARS = 200_000;

/** Wall-clock time of one job in a worker, from the moment it starts there (waiting in the queue does not count). */
export const JOB_TIME_LIMIT_MS = 20_000;
/** The JavaScript heap of a worker (V8's old generation); over it the worker is stopped. */
export const JOB_MEMORY_LIMIT_MB = 512;
/** Import workers at once; each is one thread of the server process. */
export const IMPORT_WORKERS = 2;
/** Jobs that may wait for a free worker; beyond them an import is refused as busy. */
export const IMPORT_QUEUE = 8;

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
