/**
 * The three table kinds and their fields (SPEC §3): header synonyms, value types
 * and which fields are required. One place to add a field or a synonym.
 */

export type Kind = "schedule" | "contracts" | "payments";

export const KINDS: readonly Kind[] = ["schedule", "contracts", "payments"];

/** The sheet/table name each kind carries in the workbook. */
export const KIND_NAMES: Record<Kind, string> = {
  schedule: "进度计划表",
  contracts: "合同执行情况表",
  payments: "收款计划表",
};

export type FieldType = "text" | "wbs" | "date" | "money" | "percent" | "yesno" | "wbsList";

export interface FieldDef {
  field: string;
  type: FieldType;
  /** Header texts, already normalised (see normaliseHeader in recognise). First is the canonical header. */
  headers: string[];
  required?: boolean;
  /** True for fields that repeat as numbered payment groups (`约定收款日期1` … `9`). */
  numbered?: boolean;
}

export interface KindDef {
  kind: Kind;
  key?: string;
  fields: FieldDef[];
}

const schedule: KindDef = {
  kind: "schedule",
  key: "wbs",
  fields: [
    {
      field: "wbs",
      type: "wbs",
      headers: ["WBS编码", "序号", "编号", "任务编号", "任务代码", "工作项编号", "WBS"],
    },
    {
      field: "task",
      type: "text",
      required: true,
      headers: ["任务名称", "工作内容", "工作项名称", "工作名称", "任务", "任务内容", "工作任务", "工作事项"],
    },
    { field: "phase", type: "text", headers: ["阶段", "实施阶段"] },
    {
      field: "owner",
      type: "text",
      required: true,
      headers: ["负责人", "责任人", "执行人", "任务所有者", "负责人员"],
    },
    {
      field: "planStart",
      type: "date",
      required: true,
      headers: [
        "计划开始",
        "计划开始时间",
        "计划开始日期",
        "开始时间",
        "开始日期",
        "计划开工时间",
        "计划开工日期",
      ],
    },
    {
      field: "planEnd",
      type: "date",
      required: true,
      headers: [
        "计划完成",
        "计划完成时间",
        "计划完成日期",
        "计划结束",
        "计划结束时间",
        "计划结束日期",
        "结束时间",
        "结束日期",
        "截止日期",
        "计划完工时间",
        "计划完工日期",
        "完成时间",
        "完成期限",
        "截止时间",
      ],
    },
    {
      field: "actualStart",
      type: "date",
      headers: ["实际开始", "实际开始时间", "实际开始日期", "实际开工时间", "实际开工日期"],
    },
    {
      field: "actualEnd",
      type: "date",
      headers: [
        "实际完成",
        "实际完成时间",
        "实际完成日期",
        "实际完工时间",
        "实际完工日期",
        "实际结束",
        "实际结束时间",
      ],
    },
    {
      field: "progress",
      type: "percent",
      headers: ["完成率", "完成百分比", "进度", "完工百分比", "任务完成百分比"],
    },
    { field: "predecessors", type: "wbsList", headers: ["前置任务", "前置工作项", "紧前工作"] },
    { field: "milestone", type: "yesno", headers: ["里程碑"] },
    { field: "deliverable", type: "text", headers: ["交付成果", "交付物"] },
    {
      field: "baselineStart",
      type: "date",
      headers: ["基线开始", "基线开始时间", "基线开始日期", "原计划开始"],
    },
    {
      field: "baselineEnd",
      type: "date",
      headers: ["基线完成", "基线完成时间", "基线完成日期", "原计划完成", "原计划完成时间"],
    },
    { field: "changeNoticeDate", type: "date", headers: ["调整通知日期", "变更通知日期"] },
    { field: "financeFiled", type: "yesno", headers: ["报备财务", "财务报备"] },
    { field: "contractNo", type: "text", headers: ["合同编号", "合同号"] },
    { field: "note", type: "text", headers: ["备注", "说明"] },
  ],
};

const contracts: KindDef = {
  kind: "contracts",
  key: "contractNo",
  fields: [
    { field: "contractNo", type: "text", required: true, headers: ["合同编号", "合同号"] },
    { field: "contractName", type: "text", headers: ["合同名称", "项目名称"] },
    { field: "customer", type: "text", headers: ["客户", "客户名称", "甲方", "客户单位", "甲方单位"] },
    {
      field: "signDate",
      type: "date",
      required: true,
      headers: ["签订日期", "签约日期", "合同签订日期", "签订时间", "签约时间"],
    },
    {
      field: "amount",
      type: "money",
      required: true,
      headers: ["合同金额", "合同总金额", "合同价款", "合同总价", "合同额"],
    },
    { field: "salesManager", type: "text", headers: ["销售经理", "业务员", "销售负责人"] },
    { field: "serviceManager", type: "text", headers: ["客服经理", "项目经理", "实施负责人"] },
    { field: "noticeDate", type: "date", headers: ["实施通知日期", "项目实施通知日期", "通知发布日期"] },
    {
      field: "deliveryDate",
      type: "date",
      required: true,
      headers: ["约定交货期", "交货期", "合同交货期", "交付日期", "交货日期", "约定交货日期", "交付时间"],
    },
    {
      field: "completionDate",
      type: "date",
      headers: ["实际完成日期", "完成日期", "实际交付日期", "实际完成时间"],
    },
    { field: "quality", type: "text", headers: ["完成质量", "验收结论"] },
    { field: "acceptanceDate", type: "date", headers: ["验收单日期", "验收日期"] },
    { field: "dueDate", type: "date", numbered: true, headers: ["应收日期", "约定收款日期"] },
    { field: "dueAmount", type: "money", numbered: true, headers: ["应收金额", "约定收款金额"] },
    {
      field: "receivedAmount",
      type: "money",
      numbered: true,
      headers: ["已收金额", "实收金额", "财务实收金额"],
    },
    {
      field: "receivedDate",
      type: "date",
      numbered: true,
      headers: ["收款日期", "实收日期", "到账日期", "财务实收日期"],
    },
    { field: "dunningDate", type: "date", headers: ["催款通知日期", "催款日期"] },
    { field: "reportDate", type: "date", headers: ["书面报告日期", "情况说明日期"] },
    { field: "memoDate", type: "date", headers: ["备忘录日期", "备忘录签订日期"] },
    { field: "status", type: "text", headers: ["合同状态"] },
    { field: "note", type: "text", headers: ["备注", "说明"] },
  ],
};

const payments: KindDef = {
  kind: "payments",
  fields: [
    { field: "contractNo", type: "text", required: true, headers: ["合同编号", "合同号"] },
    { field: "node", type: "text", headers: ["款项", "款项名称", "收款节点", "付款节点"] },
    { field: "dueDate", type: "date", required: true, headers: ["应收日期", "约定收款日期"] },
    { field: "dueAmount", type: "money", required: true, headers: ["应收金额", "约定收款金额"] },
    { field: "receivedDate", type: "date", headers: ["实收日期", "收款日期", "到账日期"] },
    { field: "receivedAmount", type: "money", headers: ["实收金额", "已收金额", "财务实收金额"] },
    { field: "dunningDate", type: "date", headers: ["催款通知日期", "催款日期"] },
    { field: "reportDate", type: "date", headers: ["书面报告日期", "情况说明日期"] },
    { field: "note", type: "text", headers: ["备注", "说明"] },
  ],
};

export const KIND_DEFS: Record<Kind, KindDef> = { schedule, contracts, payments };

export function fieldDef(kind: Kind, field: string): FieldDef | undefined {
  return KIND_DEFS[kind].fields.find((f) => f.field === field);
}

/**
 * The header a clerk knows a field by: 计划完成 for planEnd, 约定收款日期3 for dueDate3 (a field of
 * numbered payment group 3). Undefined for a name the kind does not have.
 */
export function fieldHeader(kind: Kind, field: string): string | undefined {
  const def = fieldDef(kind, field);
  if (def) return def.headers[0];
  const m = /^(.+?)(\d+)$/.exec(field);
  const group = m ? fieldDef(kind, m[1]) : undefined;
  return group?.numbered ? `${group.headers[0]}${m![2]}` : undefined;
}
