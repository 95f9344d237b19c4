/**
 * Report narratives for the supervision evidence seed and the anomaly
 * benchmark: a few sentences of what a unit did at a site — who came, what
 * was counted, what is left — drawn from a seeded grammar, so that two
 * independent reports on the same topic share vocabulary but not wording.
 * `copyWithEdits` makes the copied text a unit would post instead: another
 * report with the names swapped, numbers changed, sentences moved or added.
 */
import type { Rng } from "./rng";

export const TOPICS = ["拆迁", "项目建设", "环境整治", "招商引资", "信访化解"] as const;
export type Topic = (typeof TOPICS)[number];

const CN_DIGITS = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
const TIMES = ["上午8点", "上午9点半", "早上7点40分", "上午10点", "中午12点", "下午2点", "下午3点半", "下午4点"];
const LEADS = ["班子成员", "分包领导", "乡镇主要负责同志", "包村干部", "工作专班", "驻村工作队", "党委副书记", "分管副镇长"];
const DEPTS = [
  "区自然资源和规划局",
  "区住建局",
  "区交运局",
  "区生态环境分局",
  "区城管局",
  "区房屋征收与补偿中心",
  "区供电公司",
  "区水利局",
  "区商务局",
  "区行政审批局",
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "郭", "胡"];

const ACTIVITIES: Record<Topic, string[]> = {
  拆迁: [
    "逐户核对地上附着物清单",
    "组织评估公司入户评估",
    "召开拆迁户座谈会讲解补偿政策",
    "现场监督拆除作业",
    "清点拆迁范围内的树木和坟墓",
    "复核拆迁户宅基地面积",
  ],
  项目建设: [
    "调度施工单位增加作业面",
    "协调解决施工用电增容",
    "检查基坑支护和脚手架安全",
    "核对工程量和进度款拨付",
    "督促监理单位旁站浇筑",
    "对接设计单位优化管线走向",
  ],
  环境整治: ["清理沿街乱堆乱放", "组织保洁员清运积存垃圾", "对裸露土方进行苫盖", "拆除违规广告牌匾", "冲洗主干道路面", "整治坑塘周边环境"],
  招商引资: [
    "陪同客商实地踏勘地块",
    "与意向企业洽谈投资协议条款",
    "梳理客商提出的用地和用电诉求",
    "对接园区标准厂房租赁事宜",
    "介绍园区配套和优惠政策",
    "组织召开项目落地协调会",
  ],
  信访化解: [
    "约见信访人当面听取诉求",
    "调取当年土地承包合同核实情况",
    "组织村两委和老党员评议",
    "联系律师为信访人释法明理",
    "走访信访人邻居了解实情",
    "召开积案化解专题会",
  ],
};

const COUNTS: Record<Topic, [string, string][]> = {
  拆迁: [
    ["签订补偿协议", "户"],
    ["完成入户评估", "户"],
    ["拆除房屋", "间"],
    ["清运建筑垃圾", "车"],
    ["迁移坟墓", "座"],
  ],
  项目建设: [
    ["浇筑混凝土", "方"],
    ["完成管网铺设", "米"],
    ["进场工人", "人"],
    ["投入机械", "台"],
    ["完成投资", "万元"],
  ],
  环境整治: [
    ["清运垃圾", "车"],
    ["苫盖裸土", "平方米"],
    ["拆除违规牌匾", "块"],
    ["清理小广告", "处"],
    ["整改问题点位", "个"],
  ],
  招商引资: [
    ["接待客商", "批"],
    ["收集企业诉求", "条"],
    ["达成合作意向", "项"],
    ["对接项目线索", "条"],
    ["办结前期手续", "项"],
  ],
  信访化解: [
    ["接待来访群众", "人次"],
    ["化解矛盾纠纷", "件"],
    ["答复信访事项", "件"],
    ["核实诉求", "项"],
    ["回访当事人", "人"],
  ],
};

const PROBLEMS: Record<Topic, string[]> = {
  拆迁: ["在外地务工", "对评估价格有异议", "家庭内部对补偿分配意见不一", "房屋产权证明不全"],
  项目建设: ["商品混凝土供应不足", "地下管线位置与图纸不符", "临时用地手续尚未办结", "夜间施工受到周边居民投诉"],
  环境整治: ["个别商户反复占道经营", "垃圾中转点容量不足", "部分苫盖网被风刮开", "沟渠淤积需要机械清淤"],
  招商引资: ["企业对土地价格仍有顾虑", "环评手续需要补充材料", "客商要求先看同类企业样板", "配套道路尚未通车"],
  信访化解: ["信访人情绪仍然激动", "当年的会议记录缺失", "涉及邻村土地边界", "当事人对调解方案有保留意见"],
};

const NEXT: Record<Topic, string[]> = {
  拆迁: ["已电话约定周末回村签字", "明天请评估公司重新复核", "约定后天再次入户沟通", "已请村两委协助做家属工作"],
  项目建设: ["已协调第二家搅拌站供应", "明天组织设计和施工单位现场会商", "已将手续材料报送区行政审批局", "调整为白天集中作业"],
  环境整治: ["已下达限期整改通知书", "明天增派一辆清运车", "已安排专人每日巡查", "已联系水利站调派挖掘机"],
  招商引资: ["下周安排企业到邯郸同类项目考察", "已请区生态环境分局提前指导", "约定月底前再次洽谈", "已把诉求清单报分管领导"],
  信访化解: ["约定下周三再次当面沟通", "已请司法所介入调解", "明天到区档案馆调取档案", "已形成化解方案报乡党委研究"],
};

function cnNumber(n: number): string {
  return n <= 10 ? CN_DIGITS[n] : String(n);
}

function count(rng: Rng, measure: string): number {
  if (measure === "方" || measure === "米" || measure === "平方米") return rng.int(3, 60) * 10;
  if (measure === "万元") return rng.int(5, 90) * 10;
  return rng.int(2, 18);
}

export type NarrativeContext = { topic: Topic; place: string };

/** One report: 3–5 sentences about a day's work at a place. */
export function writeNarrative(rng: Rng, context: NarrativeContext): string {
  const { topic, place } = context;
  const sentences: string[] = [];
  const [first, second] = rng.sample(ACTIVITIES[topic], 2);
  sentences.push(`${rng.pick(TIMES)},${rng.pick(LEADS)}带队到${place},${first}`);
  if (rng.chance(0.7)) sentences.push(`${rng.sample(DEPTS, 2).join("和")}派员到场，${second}`);
  else sentences.push(`随后${second}`);
  const counted = rng.sample(COUNTS[topic], rng.int(1, 2)).map(([what, measure]) => {
    const n = count(rng, measure);
    return `${what}${measure === "户" || measure === "件" || measure === "人" ? cnNumber(n) : n}${measure}`;
  });
  sentences.push(`截至目前，${counted.join(",")}`);
  if (rng.chance(0.8)) {
    const who = `${rng.pick(SURNAMES)}姓${topic === "信访化解" ? "信访人" : topic === "拆迁" ? "户主" : "负责人"}`;
    sentences.push(`${who}${rng.pick(PROBLEMS[topic])},${rng.pick(NEXT[topic])}`);
  }
  if (rng.chance(0.4)) sentences.push(`明天继续${rng.pick(ACTIVITIES[topic])}`);
  return `${sentences.join("。")}。`;
}

export type CopyLevel = "light" | "medium" | "heavy";

/**
 * The text a unit posts when it copies `source`: light = names swapped and a
 * number changed; medium = also a sentence moved and one added; heavy = half
 * the sentences rewritten (a paraphrase the checks are not expected to catch).
 */
export function copyWithEdits(rng: Rng, source: string, level: CopyLevel, swap: { from: string[]; to: string[] }, context: NarrativeContext): string {
  let text = source;
  swap.from.forEach((name, i) => {
    if (name) text = text.split(name).join(swap.to[i] ?? "");
  });
  // Change one number.
  const numbers = [...text.matchAll(/\d+/g)];
  if (numbers.length > 0) {
    const m = rng.pick(numbers);
    text = text.slice(0, m.index) + String(Number(m[0]) + rng.int(1, 3)) + text.slice(m.index! + m[0].length);
  }
  if (level === "light") return text;
  const sentences = text.split("。").filter(Boolean);
  if (level === "medium") {
    if (sentences.length > 2) {
      const i = rng.int(1, sentences.length - 1);
      const [moved] = sentences.splice(i, 1);
      sentences.splice(rng.int(1, sentences.length), 0, moved);
    }
    sentences.push(`下一步：${rng.pick(NEXT[context.topic])}`);
    return `${sentences.join("。")}。`;
  }
  const fresh = writeNarrative(rng, context).split("。").filter(Boolean);
  const rewritten = sentences.map((s, i) => (i % 2 === 1 ? (fresh[i] ?? s) : s));
  return `${rewritten.join("。")}。`;
}
