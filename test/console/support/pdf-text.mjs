// Prints the text of a PDF (argv[2]) to stdout, page by page. A separate ES module because pdfjs-dist
// ships only as ES modules, which jest's CommonJS runtime cannot import.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
}
process.stdout.write(pages.join('\n'));
