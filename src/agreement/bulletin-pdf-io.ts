import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Bulletin } from './bulletin.js';
import { bulletinDocument, type Block, type Inline } from './bulletin-document.js';

/**
 * The bulletin as a PDF, made on the server from the same document as the Markdown and HTML.
 * Text is set in DejaVu (shipped in the `dejavu-fonts-ttf` package): Latin, Cyrillic, Greek,
 * Armenian and Georgian are covered; Arabic and Hebrew letters are drawn but not laid out right to
 * left, and scripts DejaVu lacks (Chinese, Japanese, Korean, Indic) are not covered.
 */

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const FONTS = {
  body: font('DejaVuSans.ttf'),
  bold: font('DejaVuSans-Bold.ttf'),
  mono: font('DejaVuSansMono.ttf'),
} as const;

const isWebUrl = (href: string | null): href is string => href !== null && /^https?:\/\//i.test(href);

type Doc = InstanceType<typeof PDFDocument>;

function inlines(doc: Doc, content: readonly Inline[], options: { indent?: number } = {}) {
  const parts = content.length ? content : [''];
  parts.forEach((part, i) => {
    const continued = i < parts.length - 1;
    const text = typeof part === 'string' ? part : part.text;
    const href = typeof part === 'string' ? null : part.href;
    if (isWebUrl(href))
      doc.fillColor('#1a4d8f').text(text, { ...options, continued, link: href, underline: true });
    else doc.fillColor('black').text(text, { ...options, continued, link: null, underline: false });
  });
  doc.fillColor('black');
}

function block(doc: Doc, b: Block) {
  if (b.kind === 'heading') {
    doc.moveDown(b.level === 1 ? 0 : 0.6);
    doc
      .font('bold')
      .fontSize(b.level === 1 ? 17 : 13)
      .text(b.text);
    doc.moveDown(0.3);
    doc.font('body').fontSize(10);
    return;
  }
  if (b.kind === 'paragraph') {
    inlines(doc, b.content);
    doc.moveDown(0.4);
    return;
  }
  if (b.kind === 'list') {
    for (const item of b.items) {
      inlines(doc, ['• ', ...item], { indent: 10 });
      doc.moveDown(0.2);
    }
    doc.moveDown(0.3);
    return;
  }
  doc.font('mono').fontSize(7).text(b.text, { lineBreak: true });
  doc.font('body').fontSize(10).moveDown(0.4);
}

/**
 * The bulletin's PDF: its sections, and on the first page and in the Audit section the audit head
 * and the signed checkpoint it was made at.
 *
 * @example (await renderPdf(bulletin)).subarray(0, 5).toString() === '%PDF-'
 */
export function renderPdf(bulletin: Bulletin, made: Date = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: bulletin.title,
      Subject: `Made at audit entry ${bulletin.auditHead.seq}, audit head ${bulletin.auditHead.hash}`,
      Creator: 'Truce',
      CreationDate: made,
    },
  });
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [title, ...rest] = bulletinDocument(bulletin);
  if (title) block(doc, title);
  const c = bulletin.checkpoint;
  doc
    .font('body')
    .fontSize(8)
    .fillColor('#444')
    .text(`Made at audit entry ${bulletin.auditHead.seq}, audit head ${bulletin.auditHead.hash}`)
    .text(
      c
        ? `Signed checkpoint: log ${c.origin}, size ${c.size}, root hash ${c.root}`
        : 'No signed checkpoint (the center has no signing key yet).',
    )
    .fillColor('black')
    .fontSize(10)
    .moveDown(0.8);
  for (const b of rest) block(doc, b);
  doc.end();
  return done;
}
