/**
 * A bench's results live in docs/perf.md between its two markers: this replaces the text
 * between them, or adds the section (under `heading`) at the end when the markers are not
 * there yet; the whole file is then formatted with the repository's Prettier settings.
 */
import fs from 'node:fs';
import * as prettier from 'prettier';

export async function writeDocSection(
  file: string,
  markers: { start: string; end: string; heading: string },
  section: string,
): Promise<void> {
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${markers.start}\n\n${section}\n\n${markers.end}`;
  const start = doc.indexOf(markers.start);
  const end = doc.indexOf(markers.end);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + markers.end.length)
      : `${doc.trimEnd()}\n\n## ${markers.heading}\n\n${block}\n`;
  // as the repository's format check wants it (a bench's table straight from a template is not)
  const options = await prettier.resolveConfig(file);
  fs.writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
}
