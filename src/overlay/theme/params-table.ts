import { PARAM_DOC_LIST, type ParamDoc } from './param-docs.ts';

/** README.md holds the generated table between these two lines; `npm run docs:params` rewrites it. */
export const TABLE_START = '<!-- params:start -->';
export const TABLE_END = '<!-- params:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string) => `\`${text}\``;

function allowedCell(doc: ParamDoc): string {
  if (doc.control === 'select') return doc.options.map(code).join(', ');
  if (doc.control === 'number') return `${code(String(doc.min))} to ${code(String(doc.max))}`;
  return cell(doc.allowed);
}

/** The markdown table of every overlay URL parameter, from the schema. */
export function paramsTable(): string {
  const rows = PARAM_DOC_LIST.map(
    (doc) => `| ${code(doc.name)} | ${allowedCell(doc)} | ${code(doc.defaultText)} | ${cell(doc.description)} |`,
  );
  return ['| Parameter | Allowed values | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between the markers (without them), or null when README has no markers. */
export function tableInReadme(readme: string): string | null {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + TABLE_START.length, end).trim();
}

/** README with the generated table put between the markers; throws when the markers are missing. */
export function withTable(readme: string, table: string = paramsTable()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the lines ${TABLE_START} and ${TABLE_END} around the parameter table`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
