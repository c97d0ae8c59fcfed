import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { TaggedPdf } from './tagged-pdf.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';

test('a TaggedPdf is tagged, in Dutch, titled, with headings, a table with column headers and extractable text', async () => {
  const pdf = await TaggedPdf.create({ title: 'Proef', author: 'Testschool', subject: 'NP Onderwijs' });
  pdf.heading(1, 'Proef');
  pdf.paragraph('Een alinea.');
  pdf.paragraph('   ');
  pdf.table(
    'Bedragen',
    ['Wat', 'Bedrag'],
    [['Lesmateriaal', '1.234,56']],
    [pdf.width / 2, pdf.width / 2],
    [1],
  );
  const bytes = await pdf.finish();
  const raw = bytes.toString('latin1');
  assert.match(raw, /^%PDF-1\.7/);
  assert.match(raw, /\/Marked true/);
  assert.match(raw, /\/Lang \(nl-NL\)/);
  assert.match(raw, /\/DisplayDocTitle true/);
  for (const tag of ['H1', 'P', 'Table', 'Caption', 'TR', 'TH', 'TD'])
    assert.match(raw, new RegExp(`/S /${tag}\\b`), tag);
  assert.match(raw, /\/Scope \/Column/);
  const inflate = (body: string) => {
    try {
      return zlib.inflateSync(Buffer.from(body, 'latin1')).toString('latin1');
    } catch {
      return body; // not compressed
    }
  };
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => inflate(m[1]!));
  assert.ok(
    streams.some((c) => c.includes('/Artifact')),
    'the table rules are artifacts',
  );
  const text = pdfText(bytes);
  for (const t of ['Proef', 'Een alinea.', 'Bedragen', 'Lesmateriaal', '1.234,56'])
    assert.ok(text.includes(t), t);
  assert.equal((raw.match(/\/S \/P\b/g) ?? []).length, 1, 'an empty paragraph is not drawn');
});
