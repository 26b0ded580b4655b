import { paramDocList, type ParamDoc } from './param-docs.ts';

/** README.md holds the generated table between these two lines; `npm run docs:params` rewrites it. */
export const TABLE_START = '<!-- params:start -->';
export const TABLE_END = '<!-- params:end -->';

/** The two lines around a generated table in README.md. */
export interface TableMarkers {
  readonly start: string;
  readonly end: string;
}

const PARAMS_MARKERS: TableMarkers = { start: TABLE_START, end: TABLE_END };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text}\``;

function allowedCell(doc: ParamDoc): string {
  if (doc.control === 'select') return doc.options.map(code).join(', ');
  if (doc.control === 'number') return `${code(String(doc.min))} to ${code(String(doc.max))}`;
  return cell(doc.allowed);
}

/** The markdown table of every overlay URL parameter, from the schema. */
export function paramsTable(): string {
  const rows = paramDocList().map(
    (doc) => `| ${code(doc.name)} | ${allowedCell(doc)} | ${code(doc.defaultText)} | ${cell(doc.description)} |`,
  );
  return ['| Parameter | Allowed values | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between the markers (without them), or null when README has no markers. */
export function tableInReadme(readme: string, markers: TableMarkers = PARAMS_MARKERS): string | null {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end);
  if (start < 0 || end < start) return null;
  return readme.slice(start + markers.start.length, end).trim();
}

/** README with the generated table put between the markers; throws when the markers are missing. */
export function withTable(readme: string, table: string = paramsTable(), markers: TableMarkers = PARAMS_MARKERS): string {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`README.md needs the lines ${markers.start} and ${markers.end} around the generated table`);
  return `${readme.slice(0, start + markers.start.length)}\n${table}\n${readme.slice(end)}`;
}
