// Chinese section headings as Chinese papers print them: named sections (摘要, 关键词, 引言 ...),
// counted ones (一、引言; 第一章 绪论; （一）; 1.1 研究背景) and the tails (参考文献, 致谢, 附录).
import type { Section } from '../types';

export interface CjkHeading {
  title: string;
  level: number;
  rest?: string;
}

/** Named sections; spaces between the characters are how some templates letter-space them (摘 要). */
const NAMED: [RegExp, Section['kind'] | null][] = [
  [/^摘要$/, 'abstract'],
  [/^(?:中文摘要|内容摘要|内容提要|提要)$/, 'abstract'],
  [/^(?:关键词|关键字)$/, null],
  [/^(?:参考文献|引用文献|参考资料)$/, 'references'],
  [/^(?:致谢|鸣谢|谢辞|基金项目|作者贡献|利益冲突)$/, 'acknowledgements'],
  [/^(?:附录|附件|补充材料)(?:[A-Z一二三四五六七八九十\d]+)?$/, 'appendix'],
  [/^(?:引言|前言|绪论|导言|概述|背景|研究背景|相关工作|方法|研究方法|材料与方法|实验|实验结果|结果|结果与分析|结果与讨论|讨论|分析|结论|结论与展望|总结|总结与展望|结语|展望)$/, null],
];

const DIGITS = '一二三四五六七八九十百零〇';
const HAN_NUMBERED = new RegExp(`^([${DIGITS}]{1,4})[、．.]\\s*(.+)$`, 'u');
const PAREN_NUMBERED = new RegExp(`^[（(]([${DIGITS}]{1,3}|\\d{1,2})[）)]\\s*(.+)$`, 'u');
const CHAPTER = new RegExp(`^第\\s*([${DIGITS}\\d]{1,4})\\s*([章节部分篇])\\s*(.*)$`, 'u');
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*(\p{Script=Han}.*)$/u;

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** A heading text: short, mostly Han, no sentence punctuation inside or at the end. */
function looksLikeCjkTitle(t: string): boolean {
  if (t.length < 1 || t.length > 30) return false;
  if (/[。！？；，,;]/.test(t) || /[：:]$/.test(t) || new RegExp(`[${DIGITS}]、`, 'u').test(t)) return false;
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  return han >= 1 && han >= compact(t).length * 0.5;
}

/**
 * A line of Chinese author names: two to four Han characters each (a centred dot for transliterated
 * names), separated by ， 、 or spaces, with affiliation marks (1, *, †) after them.
 */
export function looksLikeCjkAuthors(line: string): boolean {
  const names = line
    .replace(/[\d*†‡,，、;；\s]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return names.length >= 1 && names.length <= 12 && names.every((n) => /^\p{Script=Han}{2,4}$|^\p{Script=Han}+·\p{Script=Han}+$/u.test(n)) && /[,，、\s\d*]/u.test(line);
}

/** The kind a Chinese section title names, or null when it names none (an ordinary section). */
export function cjkKind(title: string): Section['kind'] | null {
  const t = compact(title).replace(/^(?:第[^章节]{1,4}[章节]|[一二三四五六七八九十]+[、．.]|\d+(?:\.\d+)*\.?)/u, '');
  for (const [re, kind] of NAMED) if (re.test(t)) return kind;
  return null;
}

function isNamed(t: string): boolean {
  const c = compact(t);
  return NAMED.some(([re]) => re.test(c));
}

/** Classifies one trimmed line as a Chinese heading, or null. */
export function matchCjkHeading(line: string): CjkHeading | null {
  const t = line.trim();
  if (!t || !/\p{Script=Han}/u.test(t)) return null;
  // "摘要：本文……" and "关键词：深度学习；摘要": the name starts a section that goes on on the same line.
  const inline = /^([\p{Script=Han}\s]{2,8}?)\s*[：:]\s*(\S.*)$/u.exec(t);
  if (inline && isNamed(inline[1])) return { title: compact(inline[1]), level: 1, rest: inline[2] };
  if (t.length > 60) return null;
  if (isNamed(t.replace(/[：:]$/, ''))) return { title: compact(t.replace(/[：:]$/, '')), level: 1 };
  let m = CHAPTER.exec(t);
  if (m && (m[3] === '' || looksLikeCjkTitle(m[3]))) return { title: m[3] || t, level: m[2] === '节' ? 2 : 1 };
  m = HAN_NUMBERED.exec(t);
  if (m && looksLikeCjkTitle(m[2])) return { title: m[2], level: 1 };
  m = PAREN_NUMBERED.exec(t);
  if (m && looksLikeCjkTitle(m[2])) return { title: m[2], level: 2 };
  m = DECIMAL.exec(t);
  if (m && looksLikeCjkTitle(m[2]) && Number(m[1].split('.')[0]) <= 30) return { title: m[2], level: Math.min(m[1].split('.').length, 3) };
  return null;
}
