/**
 * Tagged PDFs for paper and for a screen reader (the holder's quarterly statement, payslips, annual
 * statements): PDF 1.7, `Marked`, a structure tree (`Document` → `Sect` → headings, paragraphs and
 * tables whose header cells are `TH` with column scope), document language nl-NL, the title shown
 * in the viewer's title bar. Numbers sit in table cells, never in pictures. A document uses the
 * standard fonts Helvetica and Helvetica-Bold (WinAnsi: write a minus as '-', not U+2212).
 *
 * `taggedPdf` sets the document up and gives the helpers every such document uses; the caller
 * writes its content and calls `end()`, which resolves to the file.
 */
import type { PlainDate } from './dates.ts';

export type StructureElement = PDFKit.PDFStructureElement;

/** A table cell: text, or text with its own look (e.g. a bold total). */
export type Cell = string | { text: string; font?: { src: string } };

export interface PdfStyle {
  /** body text size in points */
  body: number;
  /** heading sizes in points */
  headings: { H1: number; H2: number; H3: number };
  /** table cell padding and text size */
  table: { padding: number; fontSize: number };
  /** space after a table, in lines */
  afterTable: number;
}

export interface TaggedPdfOptions {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** the document's date (its CreationDate) */
  created: PlainDate;
  style: PdfStyle;
}

export interface TaggedPdf {
  doc: PDFKit.PDFDocument;
  /** the `Document` element: the structure's root */
  root: StructureElement;
  /** a paragraph-like element (`P`, `H1`…) of `parent`, in the current font */
  text(parent: StructureElement, type: string, t: string, opts?: PDFKit.Mixins.TextOptions): void;
  /** a heading in bold at its size, then body text again */
  heading(parent: StructureElement, type: 'H1' | 'H2' | 'H3', t: string): void;
  /** a table with one header row (`TH`, column scope); the first column left-aligned, the others right */
  table(parent: StructureElement, header: string[], rows: Cell[][], widths: (number | string)[]): void;
  /** a new `Sect` under the root, named for assistive technology */
  section(title: string): StructureElement;
  /** small grey text (notes, footnotes) for what `write` adds, then body text again */
  small(write: () => void): void;
  /** ends the document: the file */
  end(): Promise<Buffer>;
}

/** A cell in bold (a total row). */
export const bold = (text: string): Cell => ({ text, font: { src: 'Helvetica-Bold' } });

export async function taggedPdf(o: TaggedPdfOptions): Promise<TaggedPdf> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: o.title, Author: o.author, Subject: o.subject, Keywords: o.keywords, CreationDate: new Date(`${o.created}T12:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const { style } = o;
  doc.font('Helvetica').fontSize(style.body);

  const text: TaggedPdf['text'] = (parent, type, t, opts = {}) => {
    doc.text(`${t} `, { ...opts, structParent: parent, structType: type });
  };
  return {
    doc,
    root,
    text,
    heading(parent, type, t) {
      doc.font('Helvetica-Bold').fontSize(style.headings[type]).fillColor('#000000');
      text(parent, type, t);
      doc.font('Helvetica').fontSize(style.body).moveDown(0.2);
    },
    table(parent, header, rows, widths) {
      // header cells are TH with column scope, so a screen reader reads each number with its heading
      doc.table({
        structParent: parent,
        columnStyles: widths.map((w, i) => ({ width: w, align: i === 0 ? 'left' : 'right' })),
        defaultStyle: { padding: style.table.padding, border: 0.5, borderColor: '#999999', fontSize: style.table.fontSize },
        data: [header.map((h) => ({ text: h, type: 'TH', scope: 'column', backgroundColor: '#e8eef4', font: { src: 'Helvetica-Bold' } })), ...rows],
      } as unknown as PDFKit.Mixins.TableOptionsWithData);
      doc.font('Helvetica').fontSize(style.body).moveDown(style.afterTable);
    },
    section(title) {
      const sect = doc.struct('Sect', { title });
      root.add(sect);
      return sect;
    },
    small(write) {
      doc.fontSize(Math.max(8, style.body - 2)).fillColor('#333333');
      write();
      doc.fillColor('#000000').fontSize(style.body);
    },
    end() {
      doc.end();
      return done;
    },
  };
}
