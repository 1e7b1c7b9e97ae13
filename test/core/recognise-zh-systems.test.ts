/**
 * Header sets of Chinese business systems' own exports and import templates — contract management,
 * 回款/收款/付款 records and plans, project and task plans of OA, ERP, CRM and RuoYi-based systems —
 * as their entity classes (`@Excel(name = …)`, `@ExcelProperty(…)`) and front-end table columns write
 * them, each over invented rows: every one a 客服经理 would name is found as that kind with its key
 * columns, money we pay is a payable, and the same systems' other exports (统计, 账龄, 入库, 报销, 工资,
 * 客户与相对方名录, 排班, 工时) stay unrecognised. The public repository each header set comes from is
 * named above it; only the header words come from there.
 */
import { checkWorkbook } from "../../src/core/check";
import { recognise } from "../../src/core/recognise";
import { officeWorkbook, type OfficeHeaderSet } from "../fixtures/office-headers";

const SETS: OfficeHeaderSet[] = [
  // —— contract ledgers ——
  // runa0327/cep: ContractImportModel (a construction owner's contract import)
  {
    id: "cep-contract-import",
    what: "合同导入",
    headers: [
      "项目",
      "合同名称",
      "合同相对方",
      "签订时间",
      "中标单位确定方式（公开招标/电子平台/中介服务超市/代管确定）",
      "合同金额",
      "联系人",
      "备注",
    ],
    kind: "contracts",
    keys: { contractName: "合同名称", customer: "合同相对方", signDate: "签订时间", amount: "合同金额" },
  },
  // openSourcexx/web_demo: ExcelDemo (EasyPOI export of loan contracts)
  {
    id: "easypoi-contract",
    what: "合同导出",
    headers: ["合同编号", "合同名", "合同类型", "合同链接", "状态", "签署日期"],
    kind: "contracts",
    keys: { contractNo: "合同编号", signDate: "签署日期" },
  },
  // Mickey-Meng/jianguan_server: QlContractInfoSaleVo (RuoYi 销售合同)
  {
    id: "ql-sale-contract",
    what: "销售合同",
    headers: [
      "合同id",
      "合同编码",
      "合同名称",
      "客户名称",
      "总金额",
      "质保金",
      "质保金到期时间",
      "税率",
      "发货地不能为空",
      "合同签订时间",
      "1已签订 0未签订",
    ],
    kind: "contracts",
    keys: { contractNo: "合同编码", contractName: "合同名称", signDate: "合同签订时间", amount: "总金额" },
  },
  // Mickey-Meng/jianguan_server: QlContractInfoPurchaseExport (RuoYi 采购合同 export)
  {
    id: "ql-purchase-contract",
    what: "采购合同",
    headers: [
      "合同id",
      "合同编码",
      "合同名称",
      "供应商名称",
      "供应商id",
      "供应商联系人",
      "供应商联系方式",
      "采购人员",
      "总金额",
      "合同签订时间",
      "开始时间",
      "结束时间",
      "税率",
      "合同状态",
      "账期",
    ],
    types: { 账期: "count" },
    kind: "contracts",
    keys: { contractNo: "合同编码", customer: "供应商名称", signDate: "合同签订时间", amount: "总金额" },
  },
  // yuminglong/CRM-backend: CrmOrderMonth (月销售表, one row per contract)
  {
    id: "crm-month-sales",
    what: "月销售表",
    headers: [
      "合同id",
      "合同名字",
      "合同金额",
      "合同时间",
      "采购费用",
      "报销金额",
      "合同相关人员",
      "合同开票金额",
      "税金",
      "费用合计",
      "应收账款",
      "逾期应收账款",
    ],
    kind: "contracts",
    keys: { contractName: "合同名字", amount: "合同金额", signDate: "合同时间" },
  },
  // Hjx20230919/ymcc: DealVo (an oil company's 合同管理 export)
  {
    id: "cpoa-deal",
    what: "合同列表",
    headers: [
      "合同编号",
      "业务模块",
      "合同名称",
      "合同金额",
      "合同类型",
      "合同状态",
      "结算状态",
      "签订时间",
      "承办部门",
      "合同相对人",
      "资金流向",
      "资金渠道",
      "报审序号",
      "我方签约单位",
      "纠纷解决方式",
      "承办人",
      "履行期限(始)",
      "履行期限(止)",
      "选商方式",
      "履行金额",
      "提交时间",
      "合同标的",
      "创建时间",
      "标的金额币种",
    ],
    types: { "履行期限(始)": "date", "履行期限(止)": "date" },
    kind: "contracts",
    keys: { contractNo: "合同编号", contractName: "合同名称", amount: "合同金额", signDate: "签订时间" },
  },
  // Hjx20230919/ymcc: DealImportVo (the same system's import template: the value is 标的金额)
  {
    id: "cpoa-deal-import",
    what: "合同导入",
    headers: [
      "合同编号",
      "合同名称",
      "标的金额",
      "合同类别",
      "签订时间",
      "承办部门",
      "合同相对人",
      "资金流向",
      "资金渠道",
      "报审序号",
      "我方签约单位",
      "纠纷解决方式",
      "承办人",
      "履行开始日期",
      "履行结束日期",
      "选商方式",
      "履行金额",
      "提交时间",
      "合同标的",
      "创建时间",
      "标的金额币种",
      "立项编码",
    ],
    kind: "contracts",
    keys: { contractNo: "合同编号", contractName: "合同名称", amount: "标的金额", signDate: "签订时间" },
  },
  // Hjx20230919/ymcc: ActivitiItemDealPo (contracts in approval: named, valued, with their term)
  {
    id: "cpoa-deal-flow",
    what: "流程中合同",
    headers: [
      "合同名称",
      "合同类型",
      "当前状态",
      "资金流向",
      "承办单位",
      "承办人",
      "标的金额",
      "履行期限(始)",
      "履行期限(止)",
      "相对人",
    ],
    types: { "履行期限(始)": "date", "履行期限(止)": "date" },
    kind: "contracts",
    keys: { contractName: "合同名称", amount: "标的金额" },
  },
  // Hjx20230919/ymcc: StatisticsDetailVo (合同统计明细)
  {
    id: "cpoa-deal-detail",
    what: "合同统计明细",
    headers: [
      "合同名称",
      "合同编码",
      "合同报审号",
      "合同签订时间",
      "合同类型",
      "合同状态",
      "结算状态",
      "资金流向",
      "承办单位",
      "承办人",
      "标的金额",
      "往年结算",
      "本年结算",
      "履行金额",
      "履行期限(始)",
      "履行期限(止)",
      "相对人",
    ],
    types: { "履行期限(始)": "date", "履行期限(止)": "date", 往年结算: "money", 本年结算: "money" },
    kind: "contracts",
    keys: { contractNo: "合同编码", contractName: "合同名称", signDate: "合同签订时间", amount: "标的金额" },
  },
  // Hjx20230919/ymcc: DealimportElseVo (another unit's contract ledger import)
  {
    id: "cpoa-deal-else",
    what: "合同台账导入",
    headers: [
      "合同名称",
      "合同编号",
      "合作单位",
      "签订单位",
      "合作单位性质",
      "选商方式",
      "合同标的",
      "合同金额",
      "是否暂定",
      "执行金额",
      "已付金额",
      "经办人",
      "联系方式",
      "是否完成",
      "签订日期",
      "合同类型",
      "签约依据",
      "备注",
      "履行开始日期",
      "履行结束日期",
    ],
    kind: "contracts",
    keys: { contractNo: "合同编号", contractName: "合同名称", amount: "合同金额", signDate: "签订日期" },
  },
  // caozihao/Rainbow: Contract tableListParams (a leasing company's contract list)
  {
    id: "rainbow-contract",
    what: "合同管理",
    headers: ["合同编号", "客户编号", "客户名称", "产品类型", "合同类型", "总金额", "生效时间"],
    kind: "contracts",
    keys: { contractNo: "合同编号", customer: "客户名称", amount: "总金额" },
  },
  // wms18/crm: contract list columns
  {
    id: "wms-crm-contract",
    what: "合同",
    headers: [
      "合同编号",
      "合同名称",
      "客户名称",
      "下单时间",
      "合同金额",
      "折扣",
      "合同开始时间",
      "合同结束时间",
      "客户签约人",
      "公司签约人",
      "备注",
      "货币",
      "创建人",
      "更新时间",
      "创建时间",
      "负责人",
      "已回款",
      "未回款",
    ],
    types: { 已回款: "money", 未回款: "money" },
    kind: "contracts",
    keys: { contractNo: "合同编号", contractName: "合同名称", customer: "客户名称", amount: "合同金额" },
  },
  // 77283103/BladeX: ContractImportBatchDraftExcel (a contract system's batch import template)
  {
    id: "blade-contract-import",
    what: "合同批量导入",
    headers: [
      "合同标识号码（非重复数字）",
      "合同所属大类",
      "合同所属小类",
      "合同名称",
      "合同负责人(员工编号)",
      "我方身份",
      "申请用章单位",
      "合同形式",
      "相对方联系人",
      "联系人电话",
      "联系人邮箱",
      "联系人地址",
      "合同份数",
      "合同起始时间",
      "合同结束时间",
      "合同期限",
      "币种",
      "收付款",
      "收付款条件",
      "天数",
      "合同未税金额",
      "税率",
      "合同含税金额",
      "自动延展条款",
    ],
    types: { 合同期限: "count", 收付款: "status" },
    kind: "contracts",
    keys: { contractName: "合同名称", amount: "合同含税金额" },
  },
  // kmily/ruoyi-vue-pro: yudao-module-oa ContractExcelVO (合同 Excel VO)
  {
    id: "yudao-oa-contract",
    what: "合同",
    headers: [
      "合同编号",
      "公司类型",
      "客户id",
      "供方代表",
      "总款",
      "劳务费",
      "佣金",
      "零星费用",
      "工程实施联系人",
      "工程实施联系电话",
      "合同状态",
      "审批状态",
      "创建者",
    ],
    types: { 总款: "money" },
    kind: "contracts",
    keys: { contractNo: "合同编号", amount: "总款" },
  },

  // LanBing14/vue-htgl: contractLedger index (a credit-management system's 合同台账)
  {
    id: "htgl-contract-ledger",
    what: "合同台账",
    headers: [
      "合同编码",
      "合同名称",
      "企业名称",
      "合同金额(元)",
      "回款比例",
      "负责人",
      "合同状态",
      "签订日期",
    ],
    kind: "contracts",
    keys: { contractNo: "合同编码", contractName: "合同名称", amount: "合同金额(元)", signDate: "签订日期" },
  },
  // LanBing14/vue-htgl: ContractRegistration (签约登记: the signed contracts with their term)
  {
    id: "htgl-contract-signing",
    what: "签约登记",
    headers: ["客户名称", "合同名称", "签约日期", "有效期始", "有效期止", "附件(已签章)"],
    types: { 有效期始: "date", 有效期止: "date" },
    kind: "contracts",
    keys: { customer: "客户名称", contractName: "合同名称", signDate: "签约日期" },
  },
  // quanyimin/e-hetong: dashboard upload (a contract's fields as the smart ledger reads them off the paper)
  {
    id: "ehetong-ledger",
    what: "智能台账",
    headers: [
      "合同名称",
      "甲方",
      "乙方",
      "合同金额（小写）",
      "合同金额（大写）",
      "签订日期",
      "生效日期",
      "到期日期",
      "合同类型",
      "付款方式",
    ],
    types: { "合同金额（大写）": "text" },
    kind: "contracts",
    keys: { contractName: "合同名称", amount: "合同金额（小写）", signDate: "签订日期", termEnd: "到期日期" },
  },
  // CodingPang/crm-backend: Contract entity (a CRM's contract columns)
  {
    id: "greatgump-contract",
    what: "合同",
    headers: [
      "合同编号",
      "签订日期",
      "合同名称",
      "客户名称",
      "我方签订人",
      "对方签订人",
      "合同金额",
      "业务员",
      "对方公司联系人",
      "上传合同",
      "对方公司联系人电话",
      "付款方式",
      "付款日期",
      "备注",
    ],
    kind: "contracts",
    keys: { contractNo: "合同编号", signDate: "签订日期", amount: "合同金额", salesManager: "业务员" },
  },

  // —— money in and out, by contract ——
  // Mickey-Meng/jianguan_server: QlFinReceivableVo (收款记录)
  {
    id: "ql-receipts",
    what: "收款记录",
    headers: [
      "id",
      "合同id",
      "合同编号",
      "合同名称",
      "客户id",
      "客户名称",
      "本次收款款金额",
      "收款日期",
      "收款摘要",
      "收款账号",
      "开户银行",
      "发票编号",
      "备注",
      "部门ID",
      "附件",
    ],
    kind: "payments",
    keys: { contractNo: "合同编号", receivedDate: "收款日期", receivedAmount: "本次收款款金额" },
  },
  // Mickey-Meng/jianguan_server: QlFinPaymentExport (供应商付款 export)
  {
    id: "ql-supplier-payments",
    what: "供应商付款",
    headers: [
      "id",
      "合同id",
      "合同编号",
      "合同名称",
      "供应商id",
      "供应商名称",
      "本次付款金额",
      "付款方式",
      "欠付款金额",
      "付款时间",
      "部门ID",
      "付款账号",
      "开户银行",
      "发票编号",
      "附件",
      "入库单号",
    ],
    kind: "payments",
    payable: true,
    keys: { contractNo: "合同编号", receivedAmount: "本次付款金额" },
  },
  // Devere19/oa-project: ExportLogisticsPaymentModel (物流付款单)
  {
    id: "oa-logistics-payments",
    what: "物流付款单",
    headers: ["物流付款单ID", "物流合同编号", "本次付款金额", "付款时间", "财务名称", "出纳名称"],
    kind: "payments",
    payable: true,
    keys: { contractNo: "物流合同编号", receivedAmount: "本次付款金额" },
  },
  // wms18/crm: payment (回款) list columns
  {
    id: "wms-crm-receipts",
    what: "回款",
    headers: [
      "回款编号",
      "客户名称",
      "产品编码",
      "合同编号",
      "回款日期",
      "回款方式",
      "回款金额",
      "期数",
      "备注",
      "创建人",
      "更新时间",
      "创建时间",
      "负责人",
      "合同金额",
    ],
    kind: "payments",
    keys: { contractNo: "合同编号", receivedDate: "回款日期", receivedAmount: "回款金额" },
  },
  // SteveYe-YJB/v-First: outside_project table_config (money come in for outside projects)
  {
    id: "vfirst-incoming",
    what: "外部项目来款",
    headers: [
      "合同编号",
      "项目名称",
      "合作单位",
      "合作单位所属地址",
      "项目负责人",
      "所属单位",
      "来款单位",
      "来款时间",
      "金额/元",
      "办理入账时间",
    ],
    kind: "payments",
    keys: { contractNo: "合同编号", receivedDate: "来款时间", receivedAmount: "金额/元" },
  },
  // 77283103/BladeX: PerCollectPayImportBatchDraftExcel (履约计划: money due either way, a payable
  // until a column says it comes in)
  {
    id: "blade-collect-pay-plan",
    what: "收付款计划导入",
    headers: ["合同标识号码（非重复数字）", "内容", "计划收付款时间", "计划完成金额", "合同交易类型"],
    kind: "payments",
    payable: true,
    keys: { contractNo: "合同标识号码（非重复数字）", dueDate: "计划收付款时间", dueAmount: "计划完成金额" },
  },

  // LanBing14/vue-htgl: receivableConfirmation index (应收确认: each receivable of a contract, due by a date)
  {
    id: "htgl-receivables",
    what: "应收确认",
    headers: [
      "应收确认编码",
      "合同名称",
      "客户名称",
      "应收金额(元)",
      "确认日期",
      "到期日",
      "状态",
      "合同负责人",
    ],
    kind: "payments",
    keys: { contractNo: "合同名称", dueDate: "到期日", dueAmount: "应收金额(元)" },
  },
  // LanBing14/vue-htgl: overdueReport index (逾期应收报表: one column for the contract's number or name)
  {
    id: "htgl-overdue-report",
    what: "逾期应收报表",
    headers: [
      "应收账款编码",
      "客户名称",
      "合同编码/名称",
      "确认日期",
      "到期日",
      "应收金额",
      "收款金额",
      "逾期金额",
      "逾期天数",
      "合同负责人",
    ],
    kind: "payments",
    keys: {
      contractNo: "合同编码/名称",
      dueDate: "到期日",
      dueAmount: "应收金额",
      receivedAmount: "收款金额",
    },
  },
  // LanBing14/vue-htgl: receivablesReport ReceivablesDetail (应收账款报表)
  {
    id: "htgl-receivables-report",
    what: "应收账款报表",
    headers: [
      "应收账款编码",
      "合同编码/名称",
      "确认日期",
      "到期日",
      "应收金额(元)",
      "应收未收金额(元)",
      "已收款金额(元)",
      "合同负责人",
    ],
    kind: "payments",
    keys: { contractNo: "合同编码/名称", dueDate: "到期日", dueAmount: "应收金额(元)" },
  },

  // —— plans ——
  // lhsmApp/hfApp: ScheduleManageInfo (进度管理 of a construction programme's project units)
  {
    id: "hf-schedule-manage",
    what: "进度管理",
    headers: [
      "项目单元编号",
      "项目单元名称",
      "项目性质",
      "进展概述",
      "完工百分比",
      "设计完成时间",
      "施工图完成时间",
      "计划完工时间",
      "实际开工时间",
      "计划开工时间",
      "实际完工时间",
      "竣工验收时间",
      "预达转资时间",
      "审计报告日期",
      "填报日期",
      "填报人",
    ],
    types: { 完工百分比: "percent" },
    kind: "schedule",
    keys: { planStart: "计划开工时间", planEnd: "计划完工时间", actualStart: "实际开工时间" },
  },
  // keanejxm/django_project: yuxin_tiecheng 文档.py (a development plan import, 必填 marked)
  {
    id: "dev-plan-required",
    what: "开发计划导入",
    headers: [
      "项目名称",
      "Epic编号",
      "Story编号",
      "所属模块",
      "功能点描述",
      "计划开始日期（必填）",
      "计划完成日期（必填）",
      "实际开始日期（必填）",
      "实际完成日期（必填）",
      "计划提交测试日期（必填）【原则上应比预计上线日期提前15天】",
      "实际提交测试日期（非必填）[完成上线 必填]",
      "预计上线日期（必填）",
      "实际上线日期（非必填）",
      "实际开发人员（必填）",
    ],
    types: {
      "计划提交测试日期（必填）【原则上应比预计上线日期提前15天】": "date",
      "实际提交测试日期（非必填）[完成上线 必填]": "date",
    },
    kind: "schedule",
    keys: {
      task: "功能点描述",
      planStart: "计划开始日期（必填）",
      planEnd: "计划完成日期（必填）",
      actualEnd: "实际完成日期（必填）",
    },
  },
  // rocky216/meet_car: home utils-columns (工作计划 of a car project)
  {
    id: "meetcar-work-plan",
    what: "工作计划",
    headers: ["序号", "输出物名称", "工作内容", "完成率", "项目", "开始时间", "结束时间", "标准工时"],
    kind: "schedule",
    keys: { task: "工作内容", planStart: "开始时间", planEnd: "结束时间", progress: "完成率" },
  },
  // jiehuze/supervisory-system: TaskTemplateExcel (督办任务 with a deadline)
  {
    id: "supervise-tasks",
    what: "督办任务",
    headers: [
      "序号",
      "任务来源",
      "任务内容",
      "牵头领导",
      "牵头单位",
      "协办单位",
      "完成时限",
      "具体进展",
      "存在的困难或问题",
      "完成情况",
    ],
    types: { 完成时限: "date" },
    kind: "schedule",
    keys: { task: "任务内容", owner: "牵头单位", planEnd: "完成时限" },
  },

  // jimlis/bjsgxmgl: xmGqjdbj (工期节点比较: a construction project's milestones, planned and done)
  {
    id: "bj-milestone-compare",
    what: "工期节点比较",
    headers: [
      "节点类型",
      "序号",
      "父级节点id",
      "节点名称",
      "计划完成时间",
      "实际完成时间",
      "时间提前与滞后比较",
    ],
    kind: "schedule",
    keys: { task: "节点名称", planEnd: "计划完成时间", actualEnd: "实际完成时间" },
  },
  // tbwhale/BlueWhale: WeekTemp next_week_plan (a team's weekly report, 下周计划)
  {
    id: "weekly-next-plan",
    what: "下周计划",
    headers: [
      "需求/任务编号",
      "类型",
      "任务名称",
      "计划开始日期",
      "计划结束日期",
      "工作量估计（人/天）",
      "责任人",
      "备注",
    ],
    types: { "工作量估计（人/天）": "count" },
    kind: "schedule",
    keys: { task: "任务名称", planStart: "计划开始日期", planEnd: "计划结束日期", owner: "责任人" },
  },
  // MGX-LJY/mg_kiro_mcp: prompts/templates/action-items.md (行动项跟踪, in progress)
  {
    id: "action-items",
    what: "行动项跟踪",
    headers: ["任务ID", "任务描述", "负责人", "截止日期", "状态"],
    kind: "schedule",
    keys: { task: "任务描述", owner: "负责人", planEnd: "截止日期" },
  },
  // wji29787/vepal: projectTableList (项目 list with who carries each and when it is due)
  {
    id: "vepal-projects",
    what: "项目列表",
    headers: [
      "序号",
      "所属类型",
      "项目名称",
      "优先级",
      "需求提出人",
      "开始时间",
      "计划完成时间",
      "项目负责人",
      "项目延迟天数",
    ],
    kind: "schedule",
    keys: { task: "项目名称", planStart: "开始时间", planEnd: "计划完成时间", owner: "项目负责人" },
  },

  // —— the same systems' other exports ——
  // Hjx20230919/ymcc: StatisticsFourPo (合同统计 by year)
  {
    id: "n-cpoa-stats-year",
    what: "合同年度统计",
    headers: ["年份", "合同数量", "合同金额", "累计结算金额", "本年结算金额", "未结算", "结算占比"],
  },
  // caozihao/Rainbow: ReceivablesView tableListParamsByService (应收账龄)
  {
    id: "n-rainbow-aging",
    what: "应收账龄",
    headers: [
      "序号",
      "期数",
      "应收款合计",
      "本期实际到账",
      "未逾期金额",
      "1～5天",
      "6～30天",
      "31～60天",
      "61～90天",
      "91～180天",
      "181～365天",
      ">365天",
      ">90天合计",
      ">90天占比",
      "本期合计",
    ],
  },
  // deyi-developer/rk-front: order monthly-plan constants (开票/收款 plan by department)
  {
    id: "n-rk-monthly-plan",
    what: "月度开票收款计划",
    headers: [
      "序号",
      "部门名称",
      "本月计划开票金额",
      "本月实际开票金额",
      "开票完成率",
      "本月计划收款金额",
      "本月实际收款金额",
      "收款完成率",
    ],
  },
  // metaxk-company/free-mes: scheduling calendar (排班)
  {
    id: "n-mes-scheduling",
    what: "排班日历",
    headers: ["人员编号", "人员名称", "开始时间", "结束时间", "任务编号", "任务数量"],
  },
  // yxm23242526/volans-springboot: ExportModelTwoVO (周报工时)
  { id: "n-weekly-hours", what: "周报工时", headers: ["项目名称", "日期", "员工", "工作内容", "工时"] },
  // Mickey-Meng/jianguan_server: QlWarehousingVo (入库)
  {
    id: "n-ql-warehousing",
    what: "入库单",
    headers: [
      "id",
      "入库单号",
      "入库对接人",
      "入库时间",
      "产品名称",
      "入库状态",
      "单价",
      "采购数量",
      "采购金额",
      "采购合同id",
    ],
  },
  // Mickey-Meng/jianguan_server: QlFinReimbursementVo (报销)
  {
    id: "n-ql-reimbursement",
    what: "报销",
    headers: ["id", "报销订单ID，唯一标识某一次具体报销事件", "报销日期", "金额", "员工姓名", "员工ID"],
  },
  // Mickey-Meng/jianguan_server: QlFinWagesVo (工资与出勤)
  {
    id: "n-ql-wages",
    what: "工资",
    headers: ["月份", "出勤天数", "加班天数", "备注", "员工姓名", "税前工资", "到手工资"],
  },
  // Mickey-Meng/jianguan_server: QlBasisSupplierVo (供应商 with what has been paid them, no contract)
  {
    id: "n-ql-suppliers",
    what: "供应商管理",
    headers: [
      "供应商管理id",
      "供应商编码",
      "供应商名称",
      "联系人",
      "电话",
      "邮箱",
      "地址",
      "手机",
      "发票抬头",
      "发票税率",
      "发票种类",
      "总付款金额",
      "总欠款金额",
      "已开发票金额",
      "欠发票金额",
    ],
  },
  // 77283103/BladeX: ContractCounterpartExcel (相对方名录)
  {
    id: "n-blade-counterparts",
    what: "相对方",
    headers: [
      "单位类型",
      "相对方类型",
      "相对方名称",
      "相对方性质",
      "注册地址",
      "法定代表人",
      "成立日期",
      "经营期限",
      "营业执照发证日期",
      "注册资本",
      "币种",
      "社会统一信用代码",
      "相关联系人",
      "联系人电话",
      "开户银行",
      "银行账号",
      "付款方式",
      "存续状态",
      "黑名单标识",
      "备注",
    ],
  },
  // yt7649757/react-erp: finance currentaccount (日记账)
  {
    id: "n-erp-journal",
    what: "日记账",
    headers: [
      "日期",
      "凭证号",
      "对方科目",
      "工地名称",
      "摘要",
      "申请人",
      "收款人",
      "项目",
      "收付款方式",
      "借方",
      "贷方",
      "结余",
    ],
    types: { 借方: "money", 贷方: "money", 结余: "money" },
  },
  // 123hyh/hanrui-supply_chain-project: PurchasePayment (an import agent's payment orders, by purchase order)
  {
    id: "n-hanrui-purchase-payment",
    what: "采购付款",
    headers: [
      "采购订单编号",
      "委托单单号",
      "付款委托单单号",
      "付款性质",
      "付款金额",
      "付款币别",
      "结算方式",
      "付款单位编码",
      "付款单位名称",
      "付款期限",
    ],
    types: { 付款期限: "date" },
  },
  // gaga-change/csj-tiger-vue: outgoing plan index (出库计划, by contract number and planned date)
  {
    id: "n-wms-outgoing-plan",
    what: "出库计划",
    headers: [
      "出库类型",
      "业务单号",
      "计划单号",
      "合同号",
      "计划仓库",
      "客户名称",
      "货主",
      "单据状态",
      "挂起类型",
      "推送状态",
      "执行状态",
      "外部订单号",
      "打印状态",
      "计划出库日期",
      "创建日期",
    ],
  },
  // gaga-change/csj-tiger-vue: entryInvoice config (进项发票, by contract number)
  {
    id: "n-wms-invoices-in",
    what: "进项发票",
    headers: [
      "收票单号",
      "供应商",
      "货主",
      "订单编号",
      "合同编号",
      "业务板块",
      "发票号",
      "发票金额",
      "数量",
      "发票收到日期",
      "发票开具日期",
      "单据创建日期",
      "发票类型",
      "发票性质",
      "发票状态",
      "单据状态",
    ],
  },
  // gaga-change/csj-tiger-vue: abnormalGoods table (goods lines, each under its purchase contract)
  {
    id: "n-wms-goods-lines",
    what: "异常商品明细",
    headers: [
      "序号",
      "商品编码",
      "商品名称",
      "采购单价",
      "供应商名称",
      "采购合同编号",
      "仓库",
      "申请数量",
      "金额",
    ],
    types: { 采购单价: "money" },
  },
  // aoao2002/funding: AppExcel (经费申请)
  { id: "n-funding-apply", what: "经费申请", headers: ["经费编号", "概要", "备注", "申请金额", "类别"] },
  // ehZyiL/JavaStudy: ExcelDivisionalworksVO (单位工程投标报价汇总, a bill of quantities)
  {
    id: "n-bill-of-quantities",
    what: "投标报价汇总",
    headers: [
      "序号",
      "项目编码",
      "项目名称",
      "项目特征描述",
      "计量单位",
      "工程量",
      "金额（元）_综合单价",
      "合价",
      "其中_暂估价",
    ],
  },
];

function colLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What the product makes of a header set: kind, payable, and field → column letter. */
function seen(set: OfficeHeaderSet) {
  const { tables } = recognise(officeWorkbook(set));
  return tables.map((t) => ({
    kind: t.kind,
    payable: t.payable === true,
    letters: Object.fromEntries(Object.entries(t.columns).flatMap(([f, r]) => (r ? [[f, r.letter]] : []))),
  }));
}

const domain = SETS.filter((s) => s.kind && !s.left);
const nearMiss = SETS.filter((s) => !s.kind && !s.left);
const left = SETS.filter((s) => s.left);

describe("Chinese systems' exports a 客服经理 would name", () => {
  test.each(domain.map((s) => [s.id, s] as const))("%s", (_id, set) => {
    const tables = seen(set);
    expect(tables.map((t) => t.kind)).toEqual([set.kind]);
    const want = Object.fromEntries(
      Object.entries(set.keys ?? {}).map(([f, h]) => [f, colLetter(set.headers.indexOf(h))]),
    );
    expect(tables[0].letters).toMatchObject(want);
    expect(tables[0].payable).toBe(set.payable === true);
  });
});

describe("the same systems' other exports stay unrecognised", () => {
  test.each(nearMiss.map((s) => [s.id, s] as const))("%s", (_id, set) => {
    expect(seen(set)).toEqual([]);
  });
});

const payables = domain.filter((s) => s.payable);

describe("money we pay is never dunned", () => {
  for (const set of payables)
    test(`${set.id}: no 催款通知单 even when every date is past`, () => {
      const r = checkWorkbook(officeWorkbook(set), { asOf: "2027-12-31" });
      expect(r.tables).toHaveLength(1);
      expect(r.notices.filter((n) => n.type === "催款通知单")).toEqual([]);
    });
  if (payables.length === 0) test.todo("a payables export of these systems");
});

// Sets still missed, each named with its reason; none is left now.
if (left.length > 0)
  describe("left for now", () => {
    test.skip.each(left.map((s) => [`${s.id}: ${s.left}`] as const))("%s", () => {});
  });
