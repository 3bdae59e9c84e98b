// A short Chinese paper in Markdown-ish plain text, with display formulas in its method section
// (what Chinese papers pasted from Markdown look like), for the unit and browser tests.
export const ZH_PAPER = `基于图排序的中文论文抽取式摘要

张三，李四

摘要：本文提出一种面向中文科技论文的抽取式摘要方法。该方法利用词语切分得到的词项构建句子相似度图，并在图上进行排序。实验结果表明，该方法在中文论文数据上优于首句基线。

关键词：抽取式摘要；中文分词；图排序

一、引言
自动摘要可以帮助研究人员快速了解论文内容。中文文本没有空格分隔词语，因此需要先进行分词。已有方法大多针对英文设计，直接用于中文时效果较差。

二、方法
我们使用词语切分得到的词项计算句子之间的相似度。模型定义如下：
$$s_{ij} = \\frac{v_i \\cdot v_j}{\\|v_i\\| \\|v_j\\|}$$
$$r = (1-d) + d \\cdot W r$$
其中 $d$ 为阻尼系数。句子得分由图排序算法迭代计算得到。

三、实验
我们在三十篇中文论文上评估了该方法。结果表明，本文方法的字级 ROUGE 分数高于首句基线和 LexRank。

四、结论
本文提出的方法能够有效地从中文论文中抽取关键句子。未来我们将研究生成式摘要。

致谢
感谢匿名审稿人的宝贵意见。

参考文献
[1] 王五. 文本摘要综述. 计算机学报, 2020.

附录
补充实验结果见此处。`;
