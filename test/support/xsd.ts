/**
 * Validates an XML document against an XSD with libxml2 (xmllint compiled to WebAssembly): no
 * native tools, no network. Used by the tests of every format the platform writes or reads.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const schemas = new Map<string, Promise<string>>();

export async function validateAgainstXsd(xml: string, xsdPath: string): Promise<{ valid: boolean; errors: string[] }> {
  let schema = schemas.get(xsdPath);
  if (!schema) {
    schema = readFile(xsdPath, 'utf8');
    schemas.set(xsdPath, schema);
  }
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: basename(xsdPath), contents: await schema }],
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.rawMessage)),
  };
}
