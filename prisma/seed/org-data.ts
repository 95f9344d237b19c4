/**
 * The organisation of Yongnian district as seeded: townships, departments,
 * leaders, lines, command centres, key tasks, assessment groups and channels
 * (domain.md, "Demo data facts"). Plain data; org.ts writes it.
 */

export type TownDef = { code: string; name: string; lat: number; lng: number; places: string[] };

/**
 * The 17 townships with codes in the national scheme (镇 1xx, 乡 2xx).
 * Coordinates are approximate; 临洺关, 刘营 and 西苏 are from domain.md.
 */
export const TOWNS: TownDef[] = [
  { code: "130408100", name: "临洺关镇", lat: 36.774, lng: 114.517, places: ["永洺大街", "府前街", "南关村", "北关村", "东街村"] },
  { code: "130408101", name: "大北汪镇", lat: 36.722, lng: 114.468, places: ["大北汪村", "西吕营村", "南沿村", "邯临线"] },
  { code: "130408102", name: "张西堡镇", lat: 36.836, lng: 114.442, places: ["张西堡村", "台口村", "坡头村", "张苏线"] },
  { code: "130408103", name: "广府镇", lat: 36.705, lng: 114.695, places: ["广府古城南关", "弘济桥", "东街村", "广府古城西门外"] },
  { code: "130408104", name: "永合会镇", lat: 36.812, lng: 114.493, places: ["王边村", "永合会村", "后营村", "东孙庄村"] },
  { code: "130408105", name: "刘营镇", lat: 36.815, lng: 114.596, places: ["刘营村", "标准件产业园", "前当头村", "兴业路东段"] },
  { code: "130408106", name: "西苏镇", lat: 36.765, lng: 114.569, places: ["西苏村", "东苏村", "永年经济开发区西区", "北张庄村"] },
  { code: "130408107", name: "讲武镇", lat: 36.852, lng: 114.622, places: ["讲武村", "河北堡村", "南店子村", "讲武工业园"] },
  { code: "130408108", name: "东杨庄镇", lat: 36.741, lng: 114.648, places: ["东杨庄村", "西杨庄村", "孙庄村", "洺河堤"] },
  { code: "130408200", name: "界河店乡", lat: 36.798, lng: 114.458, places: ["兴业路", "界河店村", "西宋村", "北营村"] },
  { code: "130408201", name: "刘汉乡", lat: 36.878, lng: 114.553, places: ["刘汉村", "南李庄村", "后当壁村", "刘汉北街"] },
  { code: "130408202", name: "正西乡", lat: 36.758, lng: 114.438, places: ["正西村", "辛庄村", "北河庄村", "洺李线"] },
  { code: "130408203", name: "曲陌乡", lat: 36.712, lng: 114.598, places: ["曲陌村", "南曲陌村", "小寨村", "曲陌工业区"] },
  { code: "130408204", name: "辛庄堡乡", lat: 36.861, lng: 114.483, places: ["辛庄堡村", "申家庄村", "大油村", "邢临线"] },
  { code: "130408205", name: "小龙马乡", lat: 36.733, lng: 114.552, places: ["小龙马村", "大龙马村", "前西张村", "洺河南岸"] },
  { code: "130408206", name: "西河庄乡", lat: 36.842, lng: 114.531, places: ["西河庄村", "东河庄村", "北辛庄村", "西河庄中街"] },
  { code: "130408207", name: "西阳城乡", lat: 36.888, lng: 114.664, places: ["西阳城村", "东阳城村", "南董村", "滏阳河西岸"] },
];

/** The district seat, where the departments sit. */
export const SEAT = { lat: 36.776, lng: 114.513 };

/**
 * Exactly 96 departments (区直部门): those seen in Yongnian's news first, then
 * the usual offices of a district, then plausible stations, centres and companies.
 */
export const DEPARTMENTS: string[] = [
  // seen in Yongnian's news
  "区委网信办",
  "区交运局",
  "区公安局",
  "区农业农村局",
  "区住建局",
  "区城管局",
  "区委农工委",
  "区政府督查室",
  // the offices every district has
  "区委办",
  "区政府办",
  "区委组织部",
  "区委宣传部",
  "区委统战部",
  "区委政法委",
  "区纪委监委",
  "区发改局",
  "区教育局",
  "区科技局",
  "区工信局",
  "区民政局",
  "区司法局",
  "区财政局",
  "区人社局",
  "区自然资源和规划局",
  "区生态环境分局",
  "区水利局",
  "区商务局",
  "区文广旅局",
  "区卫健局",
  "区退役军人事务局",
  "区应急管理局",
  "区审计局",
  "区市场监管局",
  "区统计局",
  "区医保局",
  "区行政审批局",
  "区信访局",
  // other bodies, stations, centres and companies
  "区人大常委会办公室",
  "区政协办公室",
  "区委编办",
  "区委老干部局",
  "区委党校",
  "区委机要保密局",
  "区直机关工委",
  "区总工会",
  "团区委",
  "区妇联",
  "区科协",
  "区工商联",
  "区残联",
  "区红十字会",
  "区档案馆",
  "区融媒体中心",
  "区机关事务服务中心",
  "区投资促进中心",
  "区公共资源交易中心",
  "区国有资产服务中心",
  "区住房保障和房产服务中心",
  "区房屋征收与补偿中心",
  "区土地储备中心",
  "区不动产登记中心",
  "临洺关自然资源所",
  "广府自然资源所",
  "区税务局",
  "区供电公司",
  "区人民法院",
  "区人民检察院",
  "区人武部",
  "区气象局",
  "区消防救援大队",
  "区交通运输综合执法大队",
  "区城市管理综合执法大队",
  "区市政设施维护中心",
  "区园林绿化服务中心",
  "区环境卫生服务中心",
  "区公路管理站",
  "区农业技术推广中心",
  "区畜牧水产服务中心",
  "区农机服务中心",
  "区水利工程管理站",
  "区疾病预防控制中心",
  "区第一医院",
  "区中医院",
  "区妇幼保健院",
  "区社会保险事业服务中心",
  "区就业服务中心",
  "区图书馆",
  "区文化馆",
  "广府古城景区管理处",
  "区文物保护管理所",
  "区经济开发区管委会",
  "冀南快递产业园服务中心",
  "区标准件产业发展服务中心",
  "区城投公司",
  "区供销合作社",
  "区邮政分公司",
];

export function departmentCode(index: number): string {
  return `D${String(index + 1).padStart(3, "0")}`;
}

/** The head's title from the kind of body its name ends with. */
export function departmentHeadTitle(name: string): string {
  const rules: [RegExp, string][] = [
    [/(局|分局)$/, "局长"],
    [/(公司)$/, "总经理"],
    [/(院)$/, "院长"],
    [/(大队)$/, "大队长"],
    [/(所)$/, "所长"],
    [/(站)$/, "站长"],
    [/(馆)$/, "馆长"],
    [/(处)$/, "处长"],
    [/(部)$/, "部长"],
    [/(校)$/, "常务副校长"],
    [/(纪委监委)$/, "副书记"],
    [/(工委|农工委|政法委)$/, "常务副书记"],
    [/(总工会|妇联|科协|工商联|残联|红十字会)$/, "常务副主席"],
    [/^团区委$/, "书记"],
    [/(合作社)$/, "理事会主任"],
  ];
  for (const [re, title] of rules) if (re.test(name)) return title;
  return "主任";
}

export type LeaderDef = { username: string; name: string; title: string };

/** District leaders (fictional names). The first is the demo account `leader`. */
export const LEADERS: LeaderDef[] = [
  { username: "leader", name: "周明远", title: "区委书记" },
  { username: "leader-02", name: "杜春华", title: "区委副书记、区长" },
  { username: "leader-03", name: "冯立新", title: "区委常委、常务副区长" },
  { username: "leader-04", name: "孟庆丽", title: "区委常委、组织部长" },
  { username: "leader-05", name: "韩志国", title: "区委常委、宣传部长" },
  { username: "leader-06", name: "邵文斌", title: "区委常委、纪委书记、监委主任" },
  { username: "leader-07", name: "贾振峰", title: "区委常委、政法委书记" },
  { username: "leader-08", name: "谭秀英", title: "区委常委、统战部长" },
  { username: "leader-09", name: "梁建军", title: "区委常委、区委办主任" },
  { username: "leader-10", name: "魏宏伟", title: "副区长" },
  { username: "leader-11", name: "崔玉兰", title: "副区长" },
  { username: "leader-12", name: "石永刚", title: "副区长、公安局局长" },
];

export const ALL_TOWNS = "*";

export type LineDef = {
  name: string;
  /** index into LEADERS */
  leader: number;
  description: string;
  /** town names, or ALL_TOWNS */
  towns: string[] | typeof ALL_TOWNS;
  departments: string[];
};

const PROJECT_TOWNS = ["临洺关镇", "刘营镇", "西苏镇", "讲武镇", "广府镇", "大北汪镇"];
const FASTENER_TOWNS = ["临洺关镇", "刘营镇", "西苏镇", "讲武镇", "东杨庄镇", "曲陌乡"];

/** 分线作战: each leader leads one or two lines. */
export const LINES: LineDef[] = [
  {
    name: "项目建设",
    leader: 0,
    description: "重点项目攻坚，早点名、白天分头干、晚上回来汇报",
    towns: ALL_TOWNS,
    departments: ["区发改局", "区住建局", "区自然资源和规划局", "区交运局", "区工信局", "区商务局", "区经济开发区管委会", "区行政审批局", "区公共资源交易中心"],
  },
  {
    name: "招商引资",
    leader: 1,
    description: "项目签约、资金到位、落地开工",
    towns: ALL_TOWNS,
    departments: ["区商务局", "区投资促进中心", "区发改局", "区工信局", "区经济开发区管委会", "冀南快递产业园服务中心"],
  },
  {
    name: "工业转型",
    leader: 1,
    description: "标准件产业退城进园、技术改造、冀南快递产业园",
    towns: FASTENER_TOWNS,
    departments: ["区工信局", "区标准件产业发展服务中心", "区经济开发区管委会", "区生态环境分局", "区供电公司", "区科技局", "冀南快递产业园服务中心"],
  },
  {
    name: "土地卫片拆迁",
    leader: 2,
    description: "土地卫片图斑整改、征地拆迁、“两违”整治",
    towns: ALL_TOWNS,
    departments: ["区自然资源和规划局", "区房屋征收与补偿中心", "区土地储备中心", "区城市管理综合执法大队", "临洺关自然资源所", "广府自然资源所", "区公安局"],
  },
  {
    name: "优化营商环境",
    leader: 2,
    description: "审批提速、涉企服务、企业诉求限时办结",
    towns: ALL_TOWNS,
    departments: ["区行政审批局", "区市场监管局", "区税务局", "区发改局", "区政府办", "区公共资源交易中心", "区不动产登记中心", "区供电公司", "区人民法院"],
  },
  {
    name: "基层党建",
    leader: 3,
    description: "抓党建促发展，软弱涣散村党组织整顿",
    towns: ALL_TOWNS,
    departments: ["区委组织部", "区直机关工委", "区委党校", "区委农工委", "区委老干部局"],
  },
  {
    name: "文化旅游",
    leader: 4,
    description: "广府古城、“三山”文化旅游开发",
    towns: ["广府镇", "临洺关镇", "大北汪镇", "东杨庄镇"],
    departments: ["区委宣传部", "区文广旅局", "广府古城景区管理处", "区文物保护管理所", "区融媒体中心", "区文化馆", "区图书馆"],
  },
  { name: "党风廉政", leader: 5, description: "作风建设、监督执纪", towns: ALL_TOWNS, departments: ["区纪委监委", "区审计局", "区财政局"] },
  {
    name: "信访稳定",
    leader: 6,
    description: "信访积案化解、矛盾纠纷排查",
    towns: ALL_TOWNS,
    departments: ["区委政法委", "区信访局", "区公安局", "区司法局", "区人民法院", "区人民检察院", "区人社局", "区住建局"],
  },
  {
    name: "民生保障",
    leader: 7,
    description: "“20项民心工程+10项民生实事”",
    towns: ALL_TOWNS,
    departments: [
      "区民政局",
      "区教育局",
      "区卫健局",
      "区人社局",
      "区医保局",
      "区退役军人事务局",
      "区残联",
      "区就业服务中心",
      "区社会保险事业服务中心",
      "区住房保障和房产服务中心",
    ],
  },
  {
    name: "五城同创",
    leader: 8,
    description: "“五城同创”，洁净城市创建",
    towns: ["临洺关镇", "广府镇", "刘营镇", "西苏镇"],
    departments: [
      "区委办",
      "区城管局",
      "区住建局",
      "区卫健局",
      "区市场监管局",
      "区委宣传部",
      "区环境卫生服务中心",
      "区园林绿化服务中心",
      "区市政设施维护中心",
      "区交运局",
      "区公安局",
      "区教育局",
    ],
  },
  {
    name: "城市管理",
    leader: 9,
    description: "市容市貌、城区路网、市政设施",
    towns: ["临洺关镇"],
    departments: ["区城管局", "区城市管理综合执法大队", "区环境卫生服务中心", "区园林绿化服务中心", "区市政设施维护中心", "区住建局", "区城投公司"],
  },
  {
    name: "生态环境",
    leader: 9,
    description: "扬尘治理、散煤管控、水环境",
    towns: ALL_TOWNS,
    departments: ["区生态环境分局", "区住建局", "区城管局", "区交运局", "区自然资源和规划局", "区农业农村局", "区水利局", "区气象局"],
  },
  {
    name: "美丽乡村",
    leader: 10,
    description: "美丽乡村建设、农村人居环境整治",
    towns: ALL_TOWNS,
    departments: [
      "区委农工委",
      "区农业农村局",
      "区水利局",
      "区住建局",
      "区交运局",
      "区农业技术推广中心",
      "区畜牧水产服务中心",
      "区农机服务中心",
      "区供销合作社",
      "区水利工程管理站",
    ],
  },
  {
    name: "安全生产",
    leader: 11,
    description: "安全生产、消防、道路交通安全",
    towns: ALL_TOWNS,
    departments: ["区应急管理局", "区公安局", "区消防救援大队", "区市场监管局", "区交运局", "区交通运输综合执法大队", "区住建局", "区工信局"],
  },
];

/** The 16 工作推进指挥部, each led by a district leader. */
export const COMMAND_CENTRES: LineDef[] = [
  {
    name: "重点项目建设推进指挥部",
    leader: 0,
    description: "省市重点项目建设调度",
    towns: PROJECT_TOWNS,
    departments: ["区发改局", "区住建局", "区自然资源和规划局", "区行政审批局", "区经济开发区管委会"],
  },
  { name: "招商引资推进指挥部", leader: 1, description: "招商引资项目签约落地", towns: ALL_TOWNS, departments: ["区商务局", "区投资促进中心", "区发改局"] },
  {
    name: "扬尘治理推进指挥部",
    leader: 9,
    description: "工地、道路、裸地扬尘管控",
    towns: ALL_TOWNS,
    departments: ["区生态环境分局", "区住建局", "区城管局", "区交运局"],
  },
  {
    name: "广府古城旅游开发推进指挥部",
    leader: 4,
    description: "广府古城5A级景区创建与提升",
    towns: ["广府镇"],
    departments: ["区文广旅局", "广府古城景区管理处", "区文物保护管理所", "区住建局", "区交运局"],
  },
  { name: "美丽乡村建设推进指挥部", leader: 10, description: "省级重点村创建", towns: ALL_TOWNS, departments: ["区委农工委", "区农业农村局", "区住建局"] },
  {
    name: "土地卫片整治推进指挥部",
    leader: 2,
    description: "卫片图斑整改销号",
    towns: ALL_TOWNS,
    departments: ["区自然资源和规划局", "临洺关自然资源所", "广府自然资源所"],
  },
  {
    name: "信访积案化解推进指挥部",
    leader: 6,
    description: "信访积案清仓见底",
    towns: ALL_TOWNS,
    departments: ["区信访局", "区委政法委", "区公安局", "区司法局"],
  },
  {
    name: "“五城同创”推进指挥部",
    leader: 8,
    description: "全国文明城市等“五城同创”",
    towns: ["临洺关镇", "广府镇"],
    departments: ["区委宣传部", "区城管局", "区卫健局", "区市场监管局"],
  },
  {
    name: "标准件产业退城进园推进指挥部",
    leader: 1,
    description: "标准件企业搬迁入园、升级改造",
    towns: FASTENER_TOWNS,
    departments: ["区工信局", "区标准件产业发展服务中心", "区生态环境分局", "区经济开发区管委会"],
  },
  {
    name: "冀南快递产业园建设推进指挥部",
    leader: 2,
    description: "冀南快递产业园征地、配套和招商",
    towns: ["临洺关镇", "界河店乡"],
    departments: ["冀南快递产业园服务中心", "区商务局", "区交运局", "区自然资源和规划局", "区邮政分公司"],
  },
  {
    name: "民心工程推进指挥部",
    leader: 7,
    description: "“20项民心工程+10项民生实事”",
    towns: ALL_TOWNS,
    departments: ["区民政局", "区教育局", "区卫健局", "区人社局"],
  },
  {
    name: "城区路网建设推进指挥部",
    leader: 9,
    description: "城区道路新建改造、打通断头路",
    towns: ["临洺关镇", "界河店乡"],
    departments: ["区住建局", "区交运局", "区城投公司", "区市政设施维护中心"],
  },
  {
    name: "“两违”整治推进指挥部",
    leader: 11,
    description: "违法占地、违法建设整治",
    towns: ALL_TOWNS,
    departments: ["区自然资源和规划局", "区城市管理综合执法大队", "区公安局"],
  },
  {
    name: "优化营商环境推进指挥部",
    leader: 5,
    description: "营商环境评价指标提升",
    towns: [],
    departments: ["区行政审批局", "区市场监管局", "区税务局", "区不动产登记中心", "区供电公司"],
  },
  {
    name: "“三山”文化旅游开发推进指挥部",
    leader: 4,
    description: "“三山”文化旅游开发修路、绿化、拆迁",
    towns: ["临洺关镇", "大北汪镇"],
    departments: ["区委宣传部", "区文广旅局", "区自然资源和规划局", "区交运局"],
  },
  {
    name: "棚户区改造推进指挥部",
    leader: 8,
    description: "城区棚户区改造征收与安置",
    towns: ["临洺关镇"],
    departments: ["区住建局", "区房屋征收与补偿中心", "区住房保障和房产服务中心", "区城投公司"],
  },
];

export type KeyTaskCode = "KT01" | "KT02" | "KT03" | "KT04" | "KT05" | "KT06" | "KT07" | "KT08" | "KT09" | "KT10";

export type KeyTaskDef = {
  code: KeyTaskCode;
  name: string;
  line: string;
  /** the assessment group's rubric: name and maximum points, summing to 100 */
  rubric: [string, number][];
  /** towns in the group's scope (departments come from the line) */
  towns: string[] | typeof ALL_TOWNS;
};

/** The 10 阶段性重点工作, each followed by one 跟踪考核组. */
export const KEY_TASKS: KeyTaskDef[] = [
  {
    code: "KT01",
    name: "土地卫片拆迁",
    line: "土地卫片拆迁",
    towns: ALL_TOWNS,
    rubric: [
      ["图斑整改销号", 40],
      ["拆迁任务完成", 30],
      ["“两违”新增管控", 20],
      ["档案资料与信息报送", 10],
    ],
  },
  {
    code: "KT02",
    name: "招商引资",
    line: "招商引资",
    towns: ALL_TOWNS,
    rubric: [
      ["签约项目数量", 30],
      ["资金到位", 30],
      ["项目落地开工", 25],
      ["跟踪服务", 15],
    ],
  },
  {
    code: "KT03",
    name: "信访积案化解",
    line: "信访稳定",
    towns: ALL_TOWNS,
    rubric: [
      ["积案化解率", 40],
      ["新增信访控制", 30],
      ["重复访治理", 20],
      ["矛盾纠纷源头排查", 10],
    ],
  },
  {
    code: "KT04",
    name: "项目建设",
    line: "项目建设",
    towns: ALL_TOWNS,
    rubric: [
      ["投资完成", 35],
      ["开工竣工进度", 35],
      ["手续办理", 15],
      ["安全文明施工", 15],
    ],
  },
  {
    code: "KT05",
    name: "美丽乡村",
    line: "美丽乡村",
    towns: ALL_TOWNS,
    rubric: [
      ["重点村创建", 35],
      ["人居环境整治", 30],
      ["户厕改造与清洁取暖", 20],
      ["长效管护", 15],
    ],
  },
  {
    code: "KT06",
    name: "优化营商环境",
    line: "优化营商环境",
    towns: ALL_TOWNS,
    rubric: [
      ["企业诉求办结", 35],
      ["审批提速", 25],
      ["涉企检查规范", 20],
      ["企业满意度", 20],
    ],
  },
  {
    code: "KT07",
    name: "五城同创",
    line: "五城同创",
    towns: ["临洺关镇", "广府镇", "刘营镇", "西苏镇"],
    rubric: [
      ["市容环境", 30],
      ["背街小巷整治", 25],
      ["公共秩序", 25],
      ["宣传发动", 20],
    ],
  },
  {
    code: "KT08",
    name: "基层党建",
    line: "基层党建",
    towns: ALL_TOWNS,
    rubric: [
      ["组织建设", 30],
      ["软弱涣散村党组织整顿", 30],
      ["党员教育管理", 20],
      ["阵地建设", 20],
    ],
  },
  {
    code: "KT09",
    name: "扬尘治理",
    line: "生态环境",
    towns: ALL_TOWNS,
    rubric: [
      ["工地“六个百分之百”", 35],
      ["道路保洁", 25],
      ["裸露地面苫盖", 20],
      ["散煤管控", 20],
    ],
  },
  {
    code: "KT10",
    name: "民心工程",
    line: "民生保障",
    towns: ALL_TOWNS,
    rubric: [
      ["民心工程进度", 40],
      ["民生实事完成", 30],
      ["群众满意度", 20],
      ["资金使用规范", 10],
    ],
  },
];

export type ChannelDef = {
  code: string;
  name: string;
  towns: string[] | typeof ALL_TOWNS;
  departments: string[] | "*";
  /**
   * The district leaders in the channel, following the lines (分线) and key tasks: "all" = the 12;
   * "town-lines" = the leaders of lines covering every town; otherwise the leaders of the named lines
   * and command centres.
   */
  leaders: "all" | "town-lines" | string[];
};

/** The six work channels, mirroring the WeChat groups. */
export const CHANNELS: ChannelDef[] = [
  { code: "leaders", name: "区级领导干部工作群", towns: [], departments: ["区委办", "区政府办", "区政府督查室"], leaders: "all" },
  { code: "towns", name: "乡镇书记镇长工作群", towns: ALL_TOWNS, departments: [], leaders: "town-lines" },
  { code: "departments", name: "区直部门工作群", towns: [], departments: "*", leaders: ["优化营商环境", "党风廉政", "民生保障"] },
  {
    code: "projects",
    name: "重点项目建设群",
    towns: PROJECT_TOWNS,
    departments: [
      "区发改局",
      "区住建局",
      "区自然资源和规划局",
      "区交运局",
      "区工信局",
      "区商务局",
      "区经济开发区管委会",
      "冀南快递产业园服务中心",
      "区标准件产业发展服务中心",
      "区文广旅局",
      "广府古城景区管理处",
    ],
    leaders: ["项目建设", "招商引资", "工业转型", "重点项目建设推进指挥部"],
  },
  {
    code: "villages",
    name: "美丽乡村建设群",
    towns: ALL_TOWNS,
    departments: ["区委农工委", "区农业农村局", "区住建局", "区交运局", "区水利局", "区生态环境分局", "区农业技术推广中心"],
    leaders: ["美丽乡村", "生态环境", "美丽乡村建设推进指挥部"],
  },
  {
    code: "petitions",
    name: "化解信访积案群",
    towns: ALL_TOWNS,
    departments: ["区信访局", "区委政法委", "区公安局", "区司法局", "区自然资源和规划局", "区住建局", "区人社局", "区人民法院"],
    leaders: ["信访稳定", "土地卫片拆迁", "信访积案化解推进指挥部"],
  },
];

/** Admin accounts of the supervision office besides the demo `admin`. */
export const OFFICE_STAFF = [
  { username: "admin", name: "王志远", title: "两办督查室主任" },
  { username: "office-li", name: "李晓静", title: "两办督查室副主任" },
  { username: "office-zhao", name: "赵鹏飞", title: "两办督查室科员" },
];

/** Names and titles of the demo accounts that are not leaders or office staff. */
export const DEMO_PEOPLE = {
  assessor: { name: "许文涛", title: "招商引资跟踪考核组组长" },
  townHead: { name: "刘建华", title: "党委书记" },
  townReporter: { name: "张晓丽", title: "党政办信息员" },
  deptHead: { name: "陈国强", title: "局长" },
};
