/**
 * One message per mistake, for what the schema stage reports: an unknown key that is no probable
 * typo is reported only when `schema/unknown-key` asks for every key (the strict preset), and the
 * same unknown key repeated across one file is one message, at its first place, with a count.
 * Works per file, so a file linted on its own gets what the whole graph gives it.
 */
import type { EffectiveConfig } from '../config/types.js';
import type { Report } from '../core/report.js';

export function onePerMistake(reports: readonly Report[], config: EffectiveConfig): Report[] {
  const all = (config.rules.get('schema/unknown-key')?.options as { report?: string } | undefined)?.report === 'all';
  const first = new Map<string, { index: number; count: number }>();
  const out: Report[] = [];
  for (const r of reports) {
    if (r.ruleId !== 'schema/unknown-key') { out.push(r); continue; }
    if (r.messageId === 'unknown' && !all) continue;
    const key = `${r.file.path}\0${r.messageId}\0${String(r.data.key)}\0${String(r.data.suggestion ?? '')}`;
    const seen = first.get(key);
    if (seen) { seen.count++; continue; }
    first.set(key, { index: out.length, count: 1 });
    out.push(r);
  }
  for (const { index, count } of first.values()) {
    if (count > 1) out[index] = { ...out[index]!, data: { ...out[index]!.data, count } };
  }
  return out;
}
