/**
 * A Word file is a zip, and a zip can say it holds 20 KB and unpack to gigabytes (a 355 KB
 * .docx of 100 MB of XML ran the server out of memory). Before mammoth sees a file, its central
 * directory is read here: the number of parts and their declared sizes are checked, then each XML
 * part is inflated with node:zlib under what is left of one budget for the whole file, so a part
 * that lies about its size stops at the budget too. Mammoth then gets a new zip of exactly those
 * parts, stored uncompressed, so it cannot unpack anything that was not counted. Images and
 * other binary parts are left out: the import drops them anyway.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ExtractError } from '@/lib/import/extract-error';
import { measureMarkup } from '@/lib/import/html-shape';
import { MAX_DOCX_ENTRIES, MAX_DOCX_XML_BYTES, MAX_DOCX_XML_DEPTH, megabytes } from '@/lib/import/limits';

export const NOT_A_DOCX_MESSAGE = 'That file is not a Word document we can read. Save it as .docx (Word 2007 or later) and try again.';
export const DOCX_TOO_LARGE_MESSAGE = `That Word document unpacks to more than ${megabytes(MAX_DOCX_XML_BYTES)} of text and formatting, more than an article needs (or it is built to fill the server's memory). Split it, or save it as .txt, and try again.`;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export type ZipPart = { name: string; data: Buffer };

const notADocx = () => new ExtractError(NOT_A_DOCX_MESSAGE);
const tooLarge = () => new ExtractError(DOCX_TOO_LARGE_MESSAGE);

function endOfCentralDirectory(file: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === EOCD) return at;
  }
  throw notADocx();
}

/** The XML parts (`.xml`, `.rels`) of a Word file, unpacked within the entry and size limits. */
export function readDocxParts(file: Buffer): ZipPart[] {
  if (file.length < 22) throw notADocx();
  const eocd = endOfCentralDirectory(file);
  const count = file.readUInt16LE(eocd + 10);
  const directoryOffset = file.readUInt32LE(eocd + 16);
  // ZIP64 marks: Word never needs them for a file that fits the upload limit.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw notADocx();
  if (count > MAX_DOCX_ENTRIES) {
    throw new ExtractError(
      `That file holds more than ${MAX_DOCX_ENTRIES.toLocaleString('en-US')} parts (a Word document has a few dozen). Save it again from Word, or as .txt.`,
    );
  }
  const entries: { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number }[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL) throw notADocx();
    const nameLength = file.readUInt16LE(at + 28);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  const seen = new Set<string>();
  const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name) && !seen.has(e.name) && seen.add(e.name));
  // What the file says first: a bomb that admits its size is refused before anything is unpacked.
  if (xml.reduce((sum, e) => sum + e.size, 0) > MAX_DOCX_XML_BYTES) throw tooLarge();

  let budget = MAX_DOCX_XML_BYTES;
  return xml.map((entry) => {
    // Encrypted (bit 0) or compressed some other way: not something Word writes for a .docx.
    if (entry.flags & 1 || (entry.method !== STORED && entry.method !== DEFLATED)) throw notADocx();
    const local = entry.localOffset;
    if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL) throw notADocx();
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const raw = file.subarray(start, start + entry.compressedSize);
    if (raw.length !== entry.compressedSize) throw notADocx();
    let data: Buffer;
    if (entry.method === STORED) data = raw;
    else {
      try {
        // What it really unpacks to, whatever it declared: inflation stops at the budget left.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        throw (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge() : notADocx();
      }
    }
    budget -= data.length;
    if (budget < 0) throw tooLarge();
    // Mammoth reads XML recursively: nesting deep enough would overflow its stack.
    if (measureMarkup(data.toString('latin1'), { xml: true, limits: { elements: Infinity, depth: MAX_DOCX_XML_DEPTH } }).depth > MAX_DOCX_XML_DEPTH) {
      throw new ExtractError(
        `That Word document nests its parts more than ${MAX_DOCX_XML_DEPTH} deep (tables inside tables inside tables…), too deep to read safely. Save it as .txt, or paste its text.`,
      );
    }
    return { name: entry.name, data };
  });
}

/**
 * An entry as it is written: `body` is stored as it is unless `deflated` says it already is
 * compressed, in which case `size` and `crc` describe what it unpacks to (the test fixtures
 * write zip bombs this way, honest or lying about their size).
 */
export type ZipEntry = { name: string; body: Buffer; deflated?: { size: number; crc: number } };

/** A zip file of the given entries; mammoth reads one of stored parts. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, body, deflated } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const method = deflated ? DEFLATED : STORED;
    const size = deflated?.size ?? body.length;
    const crc = deflated?.crc ?? crc32(body);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The Word file as mammoth should see it: its XML parts only, unpacked within the limits and stored. */
export function boundedDocx(file: Buffer): Buffer {
  return writeZip(readDocxParts(file).map(({ name, data }) => ({ name, body: data })));
}
