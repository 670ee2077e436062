import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { boundedDocx, DOCX_TOO_LARGE_MESSAGE, NOT_A_DOCX_MESSAGE, readDocxParts, writeZip } from '@/lib/import/docx-zip';
import { extractFromDocx } from '@/lib/import/extract';
import { MAX_DOCX_ENTRIES, MAX_DOCX_XML_DEPTH } from '@/lib/import/limits';
import { docxBomb } from '@/scripts/fixtures/hostile-documents';

// A 1×1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function wordFile() {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Harbour tunnel opens'),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })] }),
          new Paragraph('The tunnel cost $2.1 billion.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('readDocxParts', () => {
  it('keeps the XML parts of a Word file and leaves its images out', async () => {
    const parts = readDocxParts(await wordFile());
    expect(parts.map((p) => p.name)).toContain('word/document.xml');
    expect(parts.some((p) => /\.png$/i.test(p.name))).toBe(false);
    expect(parts.find((p) => p.name === 'word/document.xml')!.data.toString()).toContain('Harbour tunnel opens');
  });

  it('gives mammoth a zip it reads as the original', async () => {
    const file = await wordFile();
    expect((await extractFromDocx(boundedDocx(file))).text).toBe('Harbour tunnel opens\n\nThe tunnel cost $2.1 billion.');
  });

  it('refuses a file whose directory admits 100 MB of XML, before unpacking any', async () => {
    expect(() =>
      readDocxParts(Buffer.from(writeZip([{ name: 'word/document.xml', body: Buffer.alloc(0), deflated: { size: 100 * 1024 * 1024, crc: 0 } }]))),
    ).toThrow(DOCX_TOO_LARGE_MESSAGE);
  });

  it('stops unpacking a part that claims 20 KB at the budget', async () => {
    expect(() => readDocxParts(Buffer.from(boundedFileOf(1)))).not.toThrow();
    const bomb = await docxBomb(30 * 1024 * 1024, 20 * 1024);
    expect(() => readDocxParts(bomb)).toThrow(DOCX_TOO_LARGE_MESSAGE);
  });

  it('refuses more parts than a Word file has', () => {
    expect(() => readDocxParts(boundedFileOf(MAX_DOCX_ENTRIES + 1))).toThrow('more than 1,000 parts');
  });

  it('refuses XML nested deeper than mammoth can read', () => {
    const deep = `<w:document><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(100)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(100)}</w:body></w:document>`;
    expect(() => readDocxParts(writeZip([{ name: 'word/document.xml', body: Buffer.from(deep) }]))).toThrow(`more than ${MAX_DOCX_XML_DEPTH} deep`);
  });

  it.each([
    ['not a zip', Buffer.from('%PDF-1.7 not a zip at all, but long enough to look for a directory')],
    ['an encrypted part', encrypted()],
    ['a truncated zip', boundedFileOf(3).subarray(0, 60)],
  ])('refuses %s as not a Word document', (_name, file) => {
    expect(() => readDocxParts(file)).toThrow(NOT_A_DOCX_MESSAGE);
  });
});

function boundedFileOf(entries: number): Buffer {
  return writeZip(Array.from({ length: entries }, (_, i) => ({ name: `word/part${i}.xml`, body: Buffer.from('<x/>') })));
}

function encrypted(): Buffer {
  const file = writeZip([{ name: 'word/document.xml', body: Buffer.from('<w:document/>') }]);
  const central = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  file.writeUInt16LE(1, central + 8);
  return file;
}
