/**
 * Task templates for the annual responsibility lists, drawn from Yongnian's
 * real anchors (domain.md): 广府古城 tourism, 标准件 退城进园, 冀南快递产业园,
 * “20项民心工程+10项民生实事”, 扬尘治理, “两违” and 土地卫片 clean-up.
 *
 * In titles and phrases `{n}` is the task's target, `{place}` one of the
 * unit's places, `{k}` a small count of the day.
 */
import type { KeyTaskCode } from "./org-data";

export type TaskTemplate = {
  keyTask?: KeyTaskCode;
  /** the line when it is not the key task's line */
  line?: string;
  title: string;
  measure: string;
  target: [number, number];
  /** targets are multiples of this (default 1) */
  step?: number;
  /** what a day's work on the task looks like: morning items */
  work: string[];
  /** how it goes at noon */
  noon?: string[];
  /** a site that needs photos and a location on reports */
  site?: string;
  cooperators?: string[];
  description?: string;
  /**
   * short of its target until its deadline, whatever day the demo is seeded on:
   * the demo keeps a task that needs a photo and a place open all year
   * (e2e/card-traps.phone.spec.ts reports on 永合会镇's)
   */
  lagging?: true;
};

const DEMOLITION_NOON = ["已入户{k}户，签订补偿协议{j}户", "评估公司已进场，完成评估{k}户", "现场拆除有序推进，已清运建筑垃圾{k}车"];

/** Tasks that belong to one unit in particular. */
export const UNIT_TEMPLATES: Record<string, TaskTemplate[]> = {
  临洺关镇: [
    {
      keyTask: "KT01",
      title: "城中村改造占地拆迁{n}户",
      measure: "户",
      target: [120, 120],
      work: ["{place}片区入户做拆迁群众工作", "组织评估公司对拆迁户房屋进行评估", "协调拆迁户签订补偿安置协议", "清运{place}拆迁现场建筑垃圾"],
      noon: DEMOLITION_NOON,
      site: "{place}拆迁现场",
      cooperators: ["区房屋征收与补偿中心", "区自然资源和规划局"],
    },
    {
      keyTask: "KT04",
      title: "冀南快递产业园征地{n}亩",
      measure: "亩",
      target: [300, 300],
      step: 10,
      work: ["冀南快递产业园征地丈量登记", "与村“两委”对接征地补偿方案", "协调园区配套道路占地", "召开征地工作推进会"],
      site: "冀南快递产业园",
      cooperators: ["冀南快递产业园服务中心", "区自然资源和规划局"],
    },
    {
      line: "工业转型",
      title: "标准件企业退城进园{n}家",
      measure: "家",
      target: [15, 20],
      work: ["走访拟入园标准件企业", "协调标准件企业搬迁用电手续", "督导入园企业设备安装", "对接产业园厂房交付"],
      cooperators: ["区工信局", "区标准件产业发展服务中心"],
    },
    {
      keyTask: "KT07",
      title: "背街小巷整治{n}条",
      measure: "条",
      target: [12, 18],
      work: ["{place}背街小巷路面修补", "清理{place}乱堆乱放", "规范{place}沿街商户门前秩序"],
      cooperators: ["区城管局"],
    },
  ],
  界河店乡: [
    {
      keyTask: "KT01",
      title: "兴业路占地拆迁{n}户",
      measure: "户",
      target: [60, 80],
      work: ["兴业路占地拆迁入户做工作", "兴业路沿线地上附着物清点", "协调拆迁户签订协议"],
      noon: DEMOLITION_NOON,
      site: "兴业路拆迁现场",
      cooperators: ["区交运局", "区自然资源和规划局"],
    },
    {
      keyTask: "KT06",
      title: "协调解决企业用水用地问题{n}件",
      measure: "件",
      target: [10, 15],
      work: ["协调解决企业用水问题", "走访辖区企业收集诉求", "对接区水利局解决企业取水许可"],
      cooperators: ["区水利局"],
    },
  ],
  广府镇: [
    {
      keyTask: "KT04",
      line: "文化旅游",
      title: "广府古城南关片区改造完成投资{n}万元",
      measure: "万元",
      target: [8000, 12000],
      step: 100,
      work: ["广府古城南关片区改造现场调度", "协调南关片区管网迁改", "督导古城南门外游客服务中心施工"],
      site: "广府古城南关片区",
      cooperators: ["区文广旅局", "广府古城景区管理处", "区住建局"],
    },
    {
      keyTask: "KT01",
      title: "广府古城周边“两违”拆除{n}处",
      measure: "处",
      target: [30, 50],
      work: ["排查广府古城周边违法建设", "对{place}违建下达限期拆除通知", "组织拆除{place}违法建筑"],
      site: "广府古城周边",
      cooperators: ["区城市管理综合执法大队", "广府自然资源所"],
    },
    {
      keyTask: "KT05",
      title: "弘济桥周边村庄环境提升{n}个村",
      measure: "个",
      target: [4, 6],
      work: ["弘济桥周边村庄街巷清理", "{place}墙体彩绘和绿化补植", "督导村庄保洁员上岗"],
    },
  ],
  刘营镇: [
    {
      line: "工业转型",
      title: "标准件企业搬迁入园{n}家",
      measure: "家",
      target: [20, 30],
      work: ["标准件产业园企业搬迁现场服务", "督导入园企业环保设施安装", "协调企业入园电力增容"],
      site: "标准件产业园",
      cooperators: ["区工信局", "区生态环境分局", "区供电公司"],
    },
  ],
  西苏镇: [
    {
      line: "工业转型",
      title: "标准件企业升级改造{n}家",
      measure: "家",
      target: [10, 16],
      work: ["走访标准件企业推进升级改造", "组织企业参加技改政策培训", "验收企业酸洗工序改造"],
      cooperators: ["区工信局"],
    },
  ],
  讲武镇: [
    {
      keyTask: "KT04",
      title: "讲武工业园基础设施完成投资{n}万元",
      measure: "万元",
      target: [3000, 5000],
      step: 100,
      work: ["讲武工业园道路施工调度", "协调园区雨污管网铺设", "对接园区入驻企业用地手续"],
      site: "讲武工业园",
    },
  ],
  永合会镇: [
    {
      keyTask: "KT05",
      title: "王边村等{n}个美丽乡村省级重点村创建",
      measure: "个",
      target: [3, 5],
      work: ["王边村街道硬化和排水施工", "{place}“三清一改”集中整治", "重点村建设“课程表”逐项对账"],
      site: "王边村",
      cooperators: ["区委农工委", "区农业农村局"],
      lagging: true,
    },
  ],
  区交运局: [
    {
      keyTask: "KT07",
      title: "洺李线过村路段隔离护栏清洗{n}公里",
      measure: "公里",
      target: [30, 30],
      work: ["洺李线过村路段隔离护栏清洗", "洺李线路面坑槽修补", "洺李线沿线路肩清理"],
      noon: ["截至中午12时，护栏清洗任务过半", "已清洗护栏{k}公里", "清洗车辆{k}台正在作业"],
      site: "洺李线",
    },
    {
      keyTask: "KT04",
      title: "冀南快递产业园配套道路建设{n}公里",
      measure: "公里",
      target: [6, 8],
      work: ["冀南快递产业园配套道路路基施工", "协调快递园区道路占地", "督导道路施工单位抢工期"],
      site: "冀南快递产业园",
      cooperators: ["冀南快递产业园服务中心", "区自然资源和规划局"],
    },
    {
      keyTask: "KT10",
      title: "农村公路提档升级{n}公里",
      measure: "公里",
      target: [40, 60],
      work: ["农村公路提档升级工程现场督导", "验收{place}段农村公路", "排查农村公路安全隐患"],
    },
  ],
  区城管局: [
    {
      keyTask: "KT07",
      title: "清理卫生死角{n}处",
      measure: "处",
      target: [400, 600],
      step: 10,
      work: ["出动铲车、勾机清理卫生死角", "清运{place}垃圾杂物", "整治{place}占道经营"],
      noon: ["已清理卫生死角{k}处，清运垃圾杂物{j}车", "出动铲车、勾机等机械{k}台次"],
    },
    {
      keyTask: "KT09",
      title: "城区道路机扫水洗{n}公里",
      measure: "公里",
      target: [80, 100],
      work: ["城区主次干道机扫水洗", "{place}道路洒水降尘", "检查渣土车辆密闭运输"],
    },
  ],
  区住建局: [
    {
      keyTask: "KT04",
      line: "城市管理",
      title: "城南棚户区改造{n}户",
      measure: "户",
      target: [300, 500],
      step: 10,
      work: ["城南棚改片区入户征收", "督导安置房项目施工进度", "协调棚改项目资金拨付"],
      site: "城南棚改片区",
      cooperators: ["区房屋征收与补偿中心", "区住房保障和房产服务中心"],
    },
    {
      keyTask: "KT09",
      title: "建筑工地扬尘“六个百分之百”达标{n}个",
      measure: "个",
      target: [40, 60],
      work: ["检查建筑工地围挡和苫盖", "督导工地出入口车辆冲洗", "约谈扬尘管控不达标工地"],
    },
  ],
  区农业农村局: [
    {
      keyTask: "KT05",
      title: "高标准农田建设{n}亩",
      measure: "亩",
      target: [20000, 30000],
      step: 1000,
      work: ["高标准农田项目现场施工督导", "验收{place}高标准农田机井", "协调农田项目施工用电"],
    },
    {
      keyTask: "KT05",
      title: "农村户厕改造{n}户",
      measure: "户",
      target: [3000, 5000],
      step: 100,
      work: ["农村户厕改造质量抽查", "督导施工队户厕安装进度", "入户回访改厕使用情况"],
    },
  ],
  区委农工委: [
    {
      keyTask: "KT05",
      title: "美丽乡村省级重点村创建{n}个",
      measure: "个",
      target: [30, 40],
      work: ["对照“课程表”督导重点村建设进度", "到{place}现场调度美丽乡村建设", "汇总各乡镇重点村建设台账"],
    },
  ],
  区自然资源和规划局: [
    {
      keyTask: "KT01",
      title: "土地卫片图斑整改销号{n}宗",
      measure: "宗",
      target: [150, 200],
      step: 5,
      work: ["卫片图斑实地核查", "督导乡镇图斑整改", "整理图斑销号档案资料"],
    },
  ],
  区商务局: [
    {
      keyTask: "KT02",
      title: "冀南快递产业园新入驻快递物流企业{n}家",
      measure: "家",
      target: [8, 12],
      work: ["对接快递物流企业入驻意向", "陪同客商考察冀南快递产业园", "协调入驻企业证照办理"],
      cooperators: ["冀南快递产业园服务中心"],
    },
    {
      keyTask: "KT02",
      title: "签约亿元以上招商项目{n}个",
      measure: "个",
      target: [6, 10],
      work: ["赴外地开展驻点招商", "与意向客商洽谈项目细节", "筹备招商项目集中签约"],
    },
  ],
  区工信局: [
    {
      line: "工业转型",
      title: "标准件企业退城进园{n}家",
      measure: "家",
      target: [60, 80],
      work: ["调度各乡镇标准件企业入园进度", "审核入园企业技改方案", "督导企业淘汰落后设备"],
      cooperators: ["区标准件产业发展服务中心", "区生态环境分局"],
    },
  ],
  区发改局: [
    {
      keyTask: "KT04",
      title: "省市重点项目完成投资{n}万元",
      measure: "万元",
      target: [150000, 200000],
      step: 1000,
      work: ["调度省市重点项目投资进度", "协调重点项目前期手续", "整理重点项目观摩材料"],
    },
  ],
  区文广旅局: [
    {
      line: "文化旅游",
      keyTask: "KT04",
      title: "广府古城5A级景区创建提升项目{n}个",
      measure: "个",
      target: [8, 12],
      work: ["广府古城景区标识系统更换", "督导古城游客服务中心建设", "筹备广府古城太极文化节"],
      site: "广府古城",
      cooperators: ["广府古城景区管理处"],
    },
  ],
  区委宣传部: [
    {
      line: "文化旅游",
      title: "协调解决“三山”文化旅游开发难题{n}个",
      measure: "个",
      target: [15, 20],
      work: ["到朱山现场协调“三山”旅游开发修路", "召开“三山”旅游开发绿化、拆迁协调会", "对接旅游规划设计单位"],
      site: "朱山",
      cooperators: ["区文广旅局", "区自然资源和规划局"],
    },
  ],
  区生态环境分局: [
    {
      keyTask: "KT09",
      title: "扬尘污染专项执法检查{n}家次",
      measure: "家次",
      target: [300, 400],
      step: 10,
      work: ["开展扬尘污染夜查", "检查标准件企业酸洗废气治理", "督办扬尘问题整改"],
    },
  ],
  区信访局: [
    {
      keyTask: "KT03",
      title: "交办信访积案化解{n}件",
      measure: "件",
      target: [60, 80],
      work: ["接待群众来访", "调度乡镇信访积案化解进度", "组织信访积案听证"],
    },
  ],
  区行政审批局: [
    {
      keyTask: "KT06",
      title: "推行“一件事一次办”集成服务{n}项",
      measure: "项",
      target: [20, 30],
      work: ["梳理“一件事”办事指南", "开展企业开办全程帮办", "核查审批事项超时办理情况"],
    },
  ],
  区委组织部: [
    {
      keyTask: "KT08",
      title: "整顿软弱涣散村党组织{n}个",
      measure: "个",
      target: [20, 30],
      work: ["到{place}督导软弱涣散村整顿", "开展村党组织书记集中轮训", "核查村级党建阵地建设"],
    },
  ],
  区政府督查室: [
    {
      keyTask: "KT06",
      line: "优化营商环境",
      title: "督查重点工作落实{n}项",
      measure: "项",
      target: [40, 60],
      work: ["抽查各单位一日三晒内容", "编发“要情快讯”", "实地督查重点项目进度"],
    },
  ],
};

/** The general pool for townships. */
export const TOWN_POOL: TaskTemplate[] = [
  {
    keyTask: "KT02",
    title: "签约招商引资项目{n}个",
    measure: "个",
    target: [3, 5],
    work: ["接待客商考察{place}投资环境", "与意向企业洽谈项目落地", "跟踪服务已签约项目开工"],
  },
  {
    keyTask: "KT02",
    title: "招商引资实际到位资金{n}万元",
    measure: "万元",
    target: [5000, 20000],
    step: 500,
    work: ["跟踪签约项目资金到位", "协调落地项目办理备案手续", "赴外地开展小分队招商"],
  },
  {
    keyTask: "KT03",
    title: "化解信访积案{n}件",
    measure: "件",
    target: [5, 15],
    work: ["包案领导接访{place}群众", "化解{place}宅基地纠纷积案", "排查矛盾纠纷隐患"],
    noon: ["已与信访人见面沟通，初步达成意向", "正在组织双方调解", "相关证据材料已调取"],
  },
  {
    keyTask: "KT01",
    title: "土地卫片图斑整改{n}宗",
    measure: "宗",
    target: [8, 20],
    work: ["核查{place}卫片图斑", "拆除{place}违法占地建筑", "图斑整改复耕复绿"],
    site: "{place}图斑现场",
  },
  {
    keyTask: "KT01",
    title: "拆除“两违”建筑{n}平方米",
    measure: "平方米",
    target: [3000, 8000],
    step: 100,
    work: ["拆除{place}违法建设", "排查新增“两违”苗头", "清运违建拆除垃圾"],
  },
  {
    keyTask: "KT05",
    title: "创建美丽乡村精品村{n}个",
    measure: "个",
    target: [2, 4],
    work: ["{place}街道硬化施工", "{place}“三清一改”集中整治", "督导{place}绿化补植"],
    site: "{place}",
  },
  {
    keyTask: "KT05",
    title: "农村户厕改造{n}户",
    measure: "户",
    target: [200, 500],
    step: 10,
    work: ["{place}户厕改造入户施工", "改厕质量验收", "回访改厕户使用情况"],
  },
  {
    keyTask: "KT05",
    title: "村庄街道硬化{n}公里",
    measure: "公里",
    target: [5, 12],
    work: ["{place}街道硬化浇筑", "协调{place}硬化路段占道问题", "验收已完工街道"],
  },
  {
    keyTask: "KT09",
    title: "“双代”清洁取暖改造{n}户",
    measure: "户",
    target: [300, 800],
    step: 10,
    work: ["{place}清洁取暖入户摸排", "督导燃气管网入户施工", "查处散煤违规销售"],
  },
  {
    keyTask: "KT09",
    title: "裸露地面苫盖绿化{n}亩",
    measure: "亩",
    target: [50, 150],
    step: 5,
    work: ["苫盖{place}裸露地面", "巡查辖区施工工地扬尘", "清理{place}道路积尘"],
  },
  {
    keyTask: "KT08",
    title: "整顿软弱涣散村党组织{n}个",
    measure: "个",
    target: [1, 3],
    work: ["召开{place}党员大会", "帮助{place}理清发展思路", "开展“主题党日”活动"],
  },
  {
    keyTask: "KT08",
    title: "规范化建设村级党群服务中心{n}个",
    measure: "个",
    target: [5, 10],
    work: ["{place}党群服务中心改造", "督导村级阵地标识统一", "整理村级党建档案"],
  },
  {
    keyTask: "KT04",
    title: "重点项目完成投资{n}万元",
    measure: "万元",
    target: [10000, 40000],
    step: 500,
    work: ["重点项目现场调度", "协调项目施工用地和用电", "督导项目建设进度"],
    site: "{place}项目工地",
  },
  {
    keyTask: "KT10",
    title: "落实“20项民心工程”镇级任务{n}项",
    measure: "项",
    target: [6, 10],
    work: ["推进{place}饮水安全提升工程", "{place}幸福院改造", "督导民心工程施工进度"],
  },
  {
    keyTask: "KT06",
    title: "走访服务企业{n}家",
    measure: "家",
    target: [30, 60],
    work: ["走访辖区企业收集诉求", "协调解决企业用水问题", "帮助企业办理证照手续"],
  },
  {
    line: "安全生产",
    title: "安全生产隐患排查整改{n}处",
    measure: "处",
    target: [80, 150],
    step: 5,
    work: ["排查{place}企业安全隐患", "督导隐患整改闭环", "开展安全生产宣传"],
  },
];

/** The general pool for departments. */
export const DEPARTMENT_POOL: TaskTemplate[] = [
  {
    keyTask: "KT10",
    title: "落实“20项民心工程”本单位承担事项{n}项",
    measure: "项",
    target: [2, 5],
    work: ["推进民心工程承担事项", "调度民心工程资金拨付", "整理民心工程进度台账"],
  },
  { keyTask: "KT06", title: "走访服务包联企业{n}家", measure: "家", target: [10, 30], work: ["走访包联企业", "帮助包联企业解决诉求", "回访企业诉求办理情况"] },
  {
    keyTask: "KT02",
    title: "对接洽谈招商引资项目{n}个",
    measure: "个",
    target: [2, 4],
    work: ["对接招商引资项目线索", "陪同客商实地考察", "提供招商项目政策咨询"],
  },
  { keyTask: "KT03", title: "化解本系统信访积案{n}件", measure: "件", target: [2, 8], work: ["接待本系统来访群众", "推进信访积案化解", "排查本系统矛盾纠纷"] },
  {
    keyTask: "KT07",
    title: "“五城同创”包联社区环境整治{n}处",
    measure: "处",
    target: [10, 20],
    work: ["包联社区环境卫生清理", "包联社区楼道小广告清理", "开展文明劝导志愿服务"],
  },
  {
    keyTask: "KT08",
    title: "开展“主题党日”活动{n}次",
    measure: "次",
    target: [12, 12],
    work: ["组织“主题党日”活动", "开展党员集中学习", "整理支部“三会一课”记录"],
  },
  {
    keyTask: "KT09",
    title: "扬尘治理包联路段巡查{n}次",
    measure: "次",
    target: [100, 200],
    step: 10,
    work: ["巡查包联路段扬尘", "督导包联工地苫盖", "清理包联路段积尘"],
  },
  {
    keyTask: "KT05",
    title: "帮扶包联村美丽乡村建设{n}个",
    measure: "个",
    target: [1, 2],
    work: ["到包联村调度美丽乡村建设", "协调包联村建设资金", "帮助包联村清理“三大堆”"],
  },
  {
    line: "安全生产",
    title: "行业领域安全隐患排查整改{n}处",
    measure: "处",
    target: [20, 50],
    work: ["行业领域安全生产检查", "督导隐患整改", "组织安全生产培训"],
  },
  {
    keyTask: "KT06",
    title: "压缩办事时限、精简材料事项{n}项",
    measure: "项",
    target: [5, 12],
    work: ["梳理本单位政务服务事项", "精简办事申请材料", "推进事项网上可办"],
  },
];

/** Items a card carries that are not tied to a task. */
export const FREE_ITEMS = {
  TOWN: [
    "召开党委会研究近期重点工作",
    "迎接市级督导检查",
    "处理群众来访",
    "参加区重点项目观摩",
    "开展秸秆禁烧巡查",
    "组织机关干部集中学习",
    "开展森林防火和安全生产巡查",
    "协调解决企业用水问题",
  ],
  DEPARTMENT: [
    "召开局务会研究近期重点工作",
    "参加区政府常务会议",
    "迎接市级业务检查",
    "组织干部集中学习",
    "办理人大代表建议和政协提案",
    "处理“12345”热线交办件",
    "开展安全生产检查",
    "筹备季度工作总结",
  ],
} as const;

export const NOON_GENERIC = [
  "正在现场推进，已完成约{pct}",
  "已完成约{pct}",
  "任务过半",
  "已完成上午计划，下午继续",
  "相关单位已到场对接",
  "正在协调，进展顺利",
  "已召开现场调度会，明确责任人和时限",
  "分包领导已到现场督导",
];

/** Noon notes for items not tied to a task (a meeting, a visit). */
export const NOON_FREE = ["按计划进行", "已完成", "正在进行中", "已安排专人跟进"];

/** Why a morning item is still open in the evening, by the kind of work. */
export const OPEN_REASONS = {
  /** work on a site */
  site: ["遇雨暂停施工，明日继续", "机械设备未调度到位", "材料未到场，明天上午进场", "群众诉求未达成一致，继续做工作"],
  /** work that depends on others */
  coordination: ["企业负责人外出，已约定明日对接", "相关手续待审批", "需区直部门协调，已报分包领导", "对方人员参加会议，改约明天"],
  /** anything else */
  general: ["临时接到紧急任务，顺延至明天", "与其他会议时间冲突，调整至明天", "相关人员外出，改约明天"],
};
