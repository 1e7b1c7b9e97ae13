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
  "償偿違违罰罚覆复複复輸输匯汇職职獎奖勵励補补貼贴繳缴納纳淨净轉转憑凭銀银電电話话郵邮" +
  "執执碼码齊齐觀观監监築筑擬拟歲岁頭头顧顾須须領领頻频顯显會会個个們们來来倉仓儲储兒儿冊册創创劇剧勞劳勢势勝胜協协廳厅壓压嚴严團团園园場场塊块墊垫壞坏夠够奪夺婦妇寧宁寬宽將将屆届島岛崗岗嶺岭帥帅" +
  "帶带幫帮廣广廢废張张強强彈弹徑径從从徵征憶忆戰战擁拥擊击擴扩擺摆攜携斷断於于晝昼暫暂東东極极槍枪樣样樓楼樞枢歡欢殘残毀毁氣气沒没滅灭溫温滿满漢汉潔洁濟济灣湾災灾為为無无煉炼爭争爲为牆墙獨独獲获" +
  "盡尽盤盘確确礎础禮礼積积穩稳窮穷競竞筆笔簡简籌筹糧粮紙纸給给統统絕绝綜综綠绿緊紧緣缘縮缩羅罗義义聲声聽听臨临興兴舉举舊旧藝艺葉叶蓋盖蘇苏虧亏衛卫衝冲裝装製制見见視视親亲覽览訊讯討讨訓训許许" +
  "訴诉診诊評评詞词詳详誌志誤误調调談谈諮咨議议讓让豐丰貢贡財财販贩貫贯貿贸賓宾賽赛贈赠趕赶跡迹蹤踪軍军軟软載载較较輔辅輕轻輪轮農农連连遊游遠远適适遺遗還还邊边鄉乡醫医釋释針针鈔钞鋼钢錯错鍵键鎖锁" +
  "鎮镇鏈链鐵铁閉闭閱阅闆板陽阳隨随隱隐雖虽雙双雜杂離离難难雲云靈灵靜静韓韩順顺顏颜飾饰驅驱鬆松齒齿龍龙裡里裏里麼么這这誰谁爾尔傭佣僅仅僱雇儀仪兌兑黨党凱凯劉刘勁劲勻匀廂厢厲厉叢丛吳吴呂吕喪丧噸吨" +
  "圓圆塵尘壇坛壯壮夥伙妝妆孫孙寶宝憲宪尋寻屍尸幹干幾几庫库廟庙廚厨彌弥彙汇禦御憂忧懷怀懸悬戲戏擋挡擠挤攤摊攬揽敗败敘叙敵敌暢畅曉晓樸朴樹树橋桥櫃柜歐欧殺杀漁渔潛潜澤泽濕湿濾滤燈灯燒烧爐炉猶犹獻献" +
  "畝亩異异療疗盜盗磚砖禍祸穀谷竊窃簾帘籤签紅红紋纹純纯紐纽紡纺紳绅紹绍絞绞絲丝綁绑綫线緒绪締缔緩缓縫缝縱纵繩绳繪绘繫系纜缆罷罢聖圣聞闻脫脱膠胶艱艰莊庄華华蕭萧薦荐藍蓝蘭兰虛虚蟲虫衆众襯衬覺觉觸触" +
  "訪访詐诈該该誠诚誕诞諒谅諸诸謀谋謝谢譜谱讚赞豬猪貝贝貧贫賀贺賃赁賦赋賭赌賴赖賺赚贊赞贏赢趙赵趨趋躍跃軌轨軸轴輝辉輩辈輯辑辭辞辯辩迴回遜逊鄭郑鄰邻釘钉鈴铃銅铜銳锐鋪铺錦锦鍋锅鍾钟鎊镑鏡镜鐘钟鑑鉴" +
  "鑒鉴閃闪閒闲閣阁閥阀闊阔陣阵陳陈陸陆陰阴隸隶霧雾韋韦響响頂顶頌颂頓顿顆颗顫颤颱台飄飘飲饮飽饱養养饋馈馬马駐驻駕驾騎骑騰腾驚惊鬧闹魯鲁鮮鲜鳳凤鳴鸣鴻鸿鹽盐麗丽齋斋龜龟礙碍";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);

const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join("")}]`);
const ANY = new RegExp(TRADITIONAL.source, "g");

/** Words that differ beyond their characters: 專案 is a project, 合約 a contract, 計畫 a plan. */
const WORDS: ReadonlyArray<[RegExp, string]> = [
  [/专案/g, "项目"],
  [/合约/g, "合同"],
  // A government agency's 契約 (契約編號, 契約金額) and the vendor it is made with (立約商).
  [/契约/g, "合同"],
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
