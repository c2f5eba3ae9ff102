/** A line of text placed on the page, in PDF points from the bottom-left corner. */
export interface PdfLine {
  text: string;
  size: number;
  x: number;
  y: number;
}

// PDF string literals escape these three; the text is kept to ASCII so Latin-1 bytes equal characters.
const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;

/**
 * A one-page PDF in Helvetica (one of the 14 standard Type1 fonts, so nothing is embedded).
 * Every object's byte offset goes into the xref table, which readers use to find them.
 */
export function tinyPdf({ title, lines }: { title: string; lines: PdfLine[] }): Buffer {
  const content = lines
    .map((line) => `BT /F1 ${line.size} Tf ${line.x} ${line.y} Td ${pdfString(line.text)} Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (AlterLab sandbox demo web) >>`,
  ];

  // The binary comment line tells transfer tools the file is binary, as the spec recommends.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, then space + LF.
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  pdf += `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
