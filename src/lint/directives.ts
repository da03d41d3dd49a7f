/**
 * Inline disables. In Markdown: `<!-- milint-disable rule-id -->` ... `<!-- milint-enable -->` and
 * `<!-- milint-disable-next-line rule-id -->`; inside YAML (files and model-index comments):
 * `# milint-disable rule-id` ... `# milint-enable`, `# milint-disable-line rule-id` and
 * `# milint-disable-next-line rule-id`. Without ids a directive covers every rule; a reason may
 * follow `--`. A directive that suppresses nothing is reported (`file/unused-disable`), and so are
 * an unknown rule id, an unknown directive (`milint-disable-line` in an HTML comment, a typo) and
 * an enable that follows no disable: none of them can ever apply. A directive that names an online
 * rule (`url/dead-link`) is never called unused: those rules run only with `--check-urls` or
 * `--verify-weights`, whose findings the same directives suppress (`unsuppressed`).
 */
import type { SourceFile, Span } from '../types.js';
import type { FileFormat } from '../extract/extract.js';
import type { LoadedFile } from '../parse/load-file.js';
import { scanComments } from '../extract/markdown.js';
import { closest } from '../core/suggest.js';
import { ONLINE_RULES, rules } from '../rules/index.js';
import { reportSpan, type Report } from '../core/report.js';

type Kind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'unknown';

interface Directive {
  readonly kind: Kind;
  /** Rule ids named, or undefined for every rule. */
  readonly ids: readonly string[] | undefined;
  readonly span: Span;
  /** 1-based line the directive covers (for line forms). */
  readonly line: number;
  used: boolean;
}

const MD = /^\s*milint-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;
/** Any other `milint-word` at a comment's start: meant as a directive, but none milint knows. */
const MD_OTHER = /^\s*(milint-[\w-]+)/;
// `m`: a comment at the start of any line (a root-level key's line) counts, not only at the text's start.
const YAML_LINE = /(^|[ \t])#[ \t]*milint-(disable-line|disable-next-line|disable|enable|[\w-]+)(?=\s|$)([^\r\n]*)/gm;
const KNOWN_YAML = new Set(['disable-line', 'disable-next-line', 'disable', 'enable']);

function parseIds(rest: string): string[] | undefined {
  const ids = rest.split('--')[0]!.split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : undefined;
}

/** The directives of a file. YAML comment forms count only inside `yamlSpans` (the blocks). */
function parseDirectives(file: SourceFile, format: FileFormat, yamlSpans: readonly Span[]): Directive[] {
  const out: Directive[] = [];
  // Most files have no directive: known without the text (which may have been released).
  if (!file.mayHaveDirectives) return out;
  const { text, lines } = file;
  if (format === 'markdown') {
    for (const c of scanComments(text, 0)) {
      if (c.end === undefined) break;
      const body = text.slice(c.start + 4, c.end);
      const m = MD.exec(body);
      const span = { start: c.start, end: c.end + 3 };
      if (!m) {
        const other = MD_OTHER.exec(body);
        if (other) out.push({ kind: 'unknown', ids: [other[1]!], span, line: 0, used: false });
        continue;
      }
      const endLine = lines.position(span.end).line;
      out.push({ kind: m[1] as Kind, ids: parseIds(m[2]!), span, line: endLine + 1, used: false });
    }
  }
  YAML_LINE.lastIndex = 0;
  for (let m = YAML_LINE.exec(text); m; m = YAML_LINE.exec(text)) {
    const start = m.index + m[1]!.length;
    if (!yamlSpans.some((s) => start >= s.start && start < s.end)) continue;
    const line = lines.position(start).line;
    const span = { start, end: m.index + m[0].length };
    if (!KNOWN_YAML.has(m[2]!)) { out.push({ kind: 'unknown', ids: [`milint-${m[2]}`], span, line: 0, used: false }); continue; }
    out.push({ kind: m[2] as Kind, ids: parseIds(m[3]!), span, line: m[2] === 'disable-line' ? line : line + 1, used: false });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const KNOWN_FORMS = {
  markdown: 'milint-disable, milint-enable, milint-disable-next-line',
  yaml: 'milint-disable, milint-enable, milint-disable-line, milint-disable-next-line',
};

const covers = (d: Directive, ruleId: string) => d.ids === undefined || d.ids.includes(ruleId);

/** The directive that suppresses a report, if one does. */
function suppressor(directives: readonly Directive[], ranges: readonly Directive[], r: Report): Directive | undefined {
  const line = r.file.lines.position(r.span.start).line;
  const lineHit = directives.find((d) => (d.kind === 'disable-line' || d.kind === 'disable-next-line') && d.line === line && covers(d, r.ruleId));
  if (lineHit) return lineHit;
  // The last disable/enable before the report that names its rule decides.
  let open: Directive | undefined;
  for (const d of ranges) {
    if (d.span.start > r.span.start) break;
    if (!covers(d, r.ruleId) && !(d.kind === 'enable' && d.ids === undefined)) continue;
    open = d.kind === 'disable' ? d : undefined;
  }
  return open;
}


/** Where a file's blocks are: YAML comment directives count only there. */
export function blockSpans(file: LoadedFile): Span[] {
  return file.blocks.map((b) => ({ start: b.parsed.block.offset, end: b.parsed.block.offset + b.parsed.block.length }));
}

/** The online reports of a file that no directive of it suppresses. */
export function unsuppressed(reports: readonly Report[], file: SourceFile, format: FileFormat, yamlSpans: readonly Span[]): Report[] {
  const directives = parseDirectives(file, format, yamlSpans);
  if (directives.length === 0) return [...reports];
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  return reports.filter((r) => suppressor(directives, ranges, r) === undefined);
}

/**
 * Drops the reports that directives suppress and adds reports for unused or unknown directives.
 * `file/unused-disable` itself cannot be suppressed.
 */
export function applyDirectives(reports: readonly Report[], file: SourceFile, format: FileFormat, yamlSpans: readonly Span[]): Report[] {
  const directives = parseDirectives(file, format, yamlSpans);
  if (directives.length === 0) return [...reports];
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const kept: Report[] = [];
  for (const r of reports) {
    if (r.ruleId === 'file/unused-disable') { kept.push(r); continue; }
    const by = suppressor(directives, ranges, r);
    if (by) { by.used = true; continue; }
    kept.push(r);
  }
  const known = rules.map((r) => r.meta.id as string);
  for (const d of directives) {
    if (d.kind === 'unknown') {
      const form = format === 'markdown' && file.text[d.span.start] === '<' ? 'markdown' : 'yaml';
      kept.push(reportSpan('file/unused-disable', 'unknownDirective', { directive: d.ids![0]!, known: KNOWN_FORMS[form] }, file, d.span));
      continue;
    }
    if (d.kind === 'enable') {
      // An enable with no disable before it (for its rules) turns nothing back on.
      const before = ranges.filter((o) => o.kind === 'disable' && o.span.start < d.span.start);
      if (!before.some((o) => o.ids === undefined || d.ids === undefined || d.ids.some((id) => o.ids!.includes(id)))) {
        kept.push(reportSpan('file/unused-disable', 'enableWithoutDisable', { directive: `milint-enable${d.ids ? ` ${d.ids.join(', ')}` : ''}` }, file, d.span));
      }
      continue;
    }
    for (const id of d.ids ?? []) {
      if (known.includes(id)) continue;
      const suggestion = closest(id, known);
      kept.push(reportSpan('file/unused-disable', suggestion ? 'unknownRuleSuggest' : 'unknownRule', { rule: id, ...(suggestion ? { suggestion } : {}) }, file, d.span));
    }
    if (!d.used && (d.ids ?? []).every((id) => known.includes(id)) && !(d.ids ?? []).some((id) => ONLINE_RULES.has(id))) {
      kept.push(reportSpan('file/unused-disable', 'unused', { directive: `milint-${d.kind}${d.ids ? ` ${d.ids.join(', ')}` : ''}` }, file, d.span));
    }
  }
  return kept;
}
