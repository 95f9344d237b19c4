/**
 * Fictional Chinese personal names. Surnames weighted roughly as in Hebei;
 * given names from common characters. Any likeness to a real official is chance.
 */
import type { Rng } from "./rng";

const SURNAMES = [
  "王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "陈", "杨", "赵", "赵", "黄",
  "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
  "唐", "韩", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
  "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟",
  "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白",
  "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万", "段", "武", "牛",
];

const GIVEN_FIRST = [
  "建", "国", "振", "文", "永", "海", "立", "晓", "红", "丽", "俊", "丰", "春", "秋", "玉", "明",
  "宏", "伟", "德", "学", "新", "庆", "志", "雪", "凤", "金", "树", "卫", "利", "亚", "彦", "少",
  "云", "瑞", "子", "兴", "荣", "素", "会", "秀", "银", "洪", "英", "宝", "欣", "雅", "思", "嘉",
];

const GIVEN_SECOND = [
  "军", "华", "平", "强", "明", "杰", "涛", "峰", "伟", "刚", "勇", "斌", "辉", "鹏", "磊", "超",
  "芳", "敏", "静", "丽", "艳", "霞", "娟", "英", "燕", "红", "梅", "琳", "颖", "洁", "宁", "东",
  "生", "林", "波", "亮", "新", "民", "旺", "山", "川", "成", "忠", "良", "坤", "浩", "然", "阳",
];

export function personName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  // About one name in five has a single given character, as in real rosters.
  if (rng.chance(0.2)) return surname + rng.pick(GIVEN_SECOND);
  return surname + rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND);
}
