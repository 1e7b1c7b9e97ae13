/**
 * Headers written in traditional characters (offices in Hong Kong and Taiwan, files passed on from
 * them): `負責人`, `開始日期`, `合約編號`, `專案名稱` read as the simplified headers they are, so one
 * vocabulary serves both. Only header matching uses this; cell values are never rewritten.
 */

/** Traditional → simplified, pairs of characters, limited to the words headers of our kinds use. */
const PAIRS =
  "項项時时預预開开結结間间負负責责務务稱称計计劃划畫画約约編编號号額额簽签訂订實实際际週周進进" +
  "單单應应帳账賬账節节點点態态狀状況况資资員员門门備备註注說说價价總总數数據据類类別别標标題题" +
  "內内戶户廠厂購购買买賣卖貨货發发證证與与經经辦办驗验質质檢检審审階阶範范圍围優优級级風风險险" +
  "問问變变請请報报書书檔档遲迟達达畢毕續续對对餘余條条稅税費费決决處处參参紀纪錄录準准則则規规" +
  "過过細细層层組组織织構构設设測测試试環环產产專专業业關关聯联係系後后屬属當当現现歸归銷销託托" +
  "終终錢钱幣币貸贷債债權权傳传遞递歷历曆历頁页線线圖图區区縣县車车輛辆機机網网絡络讀读寫写長长動动" +
  "體体認认識识記记選选擇择隊队導导師师學学習习課课術术萬万億亿兩两啟启運运營营維维護护擔担賠赔" +
  "償偿違违罰罚覆复複复輸输匯汇職职獎奖勵励補补貼贴繳缴納纳淨净轉转憑凭銀银電电話话郵邮";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);

const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join("")}]`);
const ANY = new RegExp(TRADITIONAL.source, "g");

/** Words that differ beyond their characters: 專案 is a project, 合約 a contract, 計畫 a plan. */
const WORDS: ReadonlyArray<[RegExp, string]> = [
  [/专案/g, "项目"],
  [/合约/g, "合同"],
  [/计画/g, "计划"],
  [/预定(?=开始|开工|完成|结束|完工|交付|日期|时间)/g, "预计"],
  [/保固/g, "保修"],
  // Japanese plans (工程表): 作業名 | 開始予定 | 終了予定 | 開始日 | 終了日.
  [/终了/g, "结束"],
  [/完了/g, "完成"],
  [/(开始|结束|完成)予定(日)?/g, "计划$1$2"],
  [/^作业名称?$/, "任务名称"],
  [/^作业内容$/, "工作内容"],
];

/** The header in simplified characters; a header without traditional ones comes back as it is. */
export function simplifiedHeader(s: string): string {
  if (!TRADITIONAL.test(s)) return s;
  let out = s.replace(ANY, (c) => MAP.get(c) ?? c);
  for (const [re, to] of WORDS) out = out.replace(re, to);
  return out;
}
