import { execFile } from 'node:child_process';

/**
 * The text of a PDF, read by pdf-parse (pdf.js) in a plain Node child: pdf.js loads its worker
 * with a dynamic import, which jest's module sandbox does not allow.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: Buffer.concat(chunks) });
      const { text } = await parser.getText();
      await parser.destroy();
      process.stdout.write(text);
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { cwd: process.cwd() }, (err, out) =>
      err ? reject(err) : resolve(out),
    );
    child.stdin!.end(pdf);
  });
}
