/**
 * The table kinds and their fields (SPEC §3): header synonyms, value types, which fields are
 * required, and how each kind is recognised. One place to add a field, a synonym or a kind.
 */

export type Kind = "schedule" | "contracts" | "payments" | "documents" | "risks" | "issues" | "changes";

export const KINDS: readonly Kind[] = [
  "schedule",
  "contracts",
  "payments",
  "documents",
  "risks",
  "issues",
  "changes",
];

export type FieldType = "text" | "wbs" | "date" | "money" | "percent" | "yesno" | "wbsList" | "days";

export interface FieldDef {
  field: string;
  type: FieldType;
  /** Header texts, already normalised (see normaliseHeader in recognise). First is the canonical header. */
  headers: string[];
  /**
   * Headers among `headers` too generic to count as evidence for a kind on their own (名称, 金额,
   * 开始时间, Start): they map the column once the kind is recognised from other headers.
   */
  weak?: string[];
  /**
   * Headers among `headers` that give way to another header of the same field in the header row: a
   * system's internal 合同ID beside the 合同编号 a clerk knows each contract by.
   */
  yields?: string[];
  required?: boolean;
  /** True for fields that repeat as numbered payment groups (`约定收款日期1` … `9`). */
  numbered?: boolean;
}

/**
 * Everything the product knows about a kind, so a new kind is one descriptor here (plus its
 * rules, and its live highlight in plan/highlight.ts when it has one).
 */
export interface KindDef {
  kind: Kind;
  /** A field no two rows share (row.duplicate-key). */
  key?: string;
  fields: FieldDef[];
  /** The kind's name in zh (its sheet/table name) and in en (the pane's word). */
  names: { zh: string; en: string };
  /** Words a user may name the kind by (--table, 表声明), normalised upper-case, id included. */
  words: string[];
  /**
   * The small core the kind is recognised by: any one of these field sets, all mapped and each
   * field named specifically (`@groups`: numbered payment groups).
   */
  core: string[][];
  /** The date fields its rows are dated by: a table whose such columns hold no date is no table of the kind. */
  coreDates: string[];
  /** A sheet whose name matches hints at this kind on a tie; lower rank is tried first. */
  sheetHint?: { re: RegExp; rank: number };
  /** Pairs [earlier, later] of its fields: the later date may not be before the earlier one. */
  dateOrder?: Array<[string, string]>;
  /** Fields that record something that already happened (never after the as-of date). */
  actualFields?: string[];
}

/**
 * One vocabulary per field, shared by every kind that has the field: a header written in a
 * schedule means the same in a contract ledger. Header variants with inner spaces, line breaks,
 * full-width letters or a unit in brackets need no entry of their own (normaliseHeader).
 */
/** Every header made of one word from each list in turn (`joined(["计划", "预计"], ["回款", "收款"], ["日期"])`). */
function joined(...parts: ReadonlyArray<readonly string[]>): string[] {
  return parts.reduce<string[]>((acc, words) => acc.flatMap((a) => words.map((w) => a + w)), [""]);
}

/** Words for money coming in (回款, 到账) and going out (付款, 支付), as payment lists write them. */
const MONEY_IN = ["回款", "收款", "到款", "到账", "入账", "来款"];
const MONEY_OUT = ["付款", "支付"];
/** Money either way (计划收付款时间): a contract's payment plan whichever side pays — a payable (recognise). */
const MONEY_BOTH = ["收付款"];
/** A payment agreed or planned, not yet made: 计划/预计/应/约定 before it. */
const MONEY_DUE = ["计划", "预计", "应", "约定"];
/** The amount with its tax (含税金额, 价税合计), as an invoicing clerk heads it: as plain as 金额. */
const TAXED_AMOUNT = ["含税金额", "含税总金额", "价税合计"];

/**
 * A contract ledger's headers in the other languages offices keep one in: Portuguese and Spanish as
 * public bodies keep them (CONTRATO | OBJETO | CONTRATADA | VALOR GLOBAL | Data de Assinatura),
 * Russian, German, French, Japanese, Korean, Vietnamese, Indonesian, Turkish and Armenian, then (the
 * last entries of each list) Italian, Polish, Czech, Ukrainian, Swedish, Danish, Norwegian, Finnish,
 * Romanian, Hungarian, Greek, Arabic and Malay. A bare Contrato is the contract's number (as Contract
 * is its name in English); a bare Objeto or Oggetto is generic.
 */
const CONTRACT_ABROAD = {
  contractNo: [
    "Contrato",
    "Nº do Contrato",
    "Número do Contrato",
    "N° Contrato",
    "Nro. Contrato",
    "No. Contrato",
    "Contrato y Año",
    "Номер договора",
    "№ договора",
    "Договор №",
    "Номер контракта",
    "№ контракта",
    "Номер соглашения",
    "№ соглашения",
    "Номер ДДУ",
    "№ ДДУ",
    "Vertragsnummer",
    "Vertrags-Nr.",
    "Vertragsnr.",
    "N° de contrat",
    "Numéro de contrat",
    "Numéro du contrat",
    "N° contrat",
    "契約番号",
    "契約No",
    "契約No.",
    "계약번호",
    "계약 번호",
    "Số hợp đồng",
    "Số HĐ",
    "Nomor Kontrak",
    "No. Kontrak",
    "No Kontrak",
    "Sözleşme No",
    "Sözleşme Numarası",
    "Պայմանագրի համար",
    "Պայմ. համար",
    "Numero contratto",
    "Numero del contratto",
    "N. contratto",
    "Numer umowy",
    "Nr umowy",
    "Číslo smlouvy",
    "Номер договору",
    "№ договору",
    "Avtalsnummer",
    "Avtalsnr",
    "Kontraktnummer",
    "Kontraktnr",
    "Sopimusnumero",
    "Număr contract",
    "Nr. contract",
    "Numărul contractului",
    "Szerződésszám",
    "Szerződés száma",
    "Αριθμός σύμβασης",
    "رقم العقد",
  ],
  contractName: [
    "Objeto",
    "Objeto do Contrato",
    "Objeto Contractual",
    "Предмет договора",
    "Наименование договора",
    "Vertragsgegenstand",
    "Vertragsbezeichnung",
    "Objet du contrat",
    "Intitulé du contrat",
    "契約名",
    "契約件名",
    "件名",
    "계약명",
    "계약건명",
    "Tên hợp đồng",
    "Nama Kontrak",
    "Nama Paket",
    "Sözleşme Adı",
    "Պայմանագրի անվանում",
    "Oggetto del contratto",
    "Oggetto",
    "Przedmiot umowy",
    "Předmět smlouvy",
    "Název smlouvy",
    "Предмет договору",
    "Назва договору",
    "Avtalsnamn",
    "Kontraktnavn",
    "Sopimuksen nimi",
    "Obiectul contractului",
    "Obiect contract",
    "Szerződés tárgya",
    "Αντικείμενο σύμβασης",
    "Τίτλος σύμβασης",
    "موضوع العقد",
    "اسم العقد",
    "Tajuk Kontrak",
  ],
  contractNameWeak: ["OBJETO", "件名", "OGGETTO"],
  customer: [
    "Contratada",
    "Contratado",
    "Fornecedor",
    "Proveedor",
    "Контрагент",
    "Заказчик",
    "Поставщик",
    // The other party of a shared-construction agreement (ДДУ): its participant, or depositor.
    "Дольщик",
    "Участник долевого строительства",
    "Депонент",
    "Vertragspartner",
    "Auftraggeber",
    "Auftragnehmer",
    "Lieferant",
    "Cocontractant",
    "Titulaire",
    "Fournisseur",
    "取引先",
    "契約先",
    "契約相手",
    "顧客名",
    "거래처",
    "계약상대자",
    "계약업체",
    "Khách hàng",
    "Đối tác",
    "Nhà cung cấp",
    "Rekanan",
    "Penyedia",
    "Pelanggan",
    "Yüklenici",
    "Müşteri",
    "Tedarikçi",
    "Fornitore",
    "Cliente",
    "Contraente",
    "Kontrahent",
    "Wykonawca",
    "Zleceniodawca",
    "Dostawca",
    "Dodavatel",
    "Odběratel",
    "Smluvní strana",
    "Постачальник",
    "Замовник",
    "Motpart",
    "Leverantör",
    "Leverandør",
    "Toimittaja",
    "Asiakas",
    "Furnizor",
    "Beneficiar",
    "Szállító",
    "Partner",
    "Szerződő fél",
    "Ügyfél",
    "Ανάδοχος",
    "Προμηθευτής",
    "المورد",
    "العميل",
    "المقاول",
    "Kontraktor",
    "Pembekal",
  ],
  contractType: ["Loại hợp đồng", "Tipo de Contrato"],
  amount: [
    "Valor Global",
    "Valor Total",
    "Valor do Contrato",
    "Valor Contratado",
    "Valor Total del Contrato",
    "Valor total inicial del contrato",
    "Valor inicial del contrato",
    "Monto Total",
    "Сумма договора",
    "Стоимость договора",
    "Цена договора",
    "Сумма контракта",
    "Vertragswert",
    "Vertragssumme",
    "Auftragswert",
    "Montant du contrat",
    "Montant du marché",
    "契約金額",
    "契約額",
    "受注金額",
    "계약금액",
    "계약액",
    "Giá trị hợp đồng",
    "Giá trị HĐ",
    "Giá trị",
    "Nilai Kontrak",
    "Sözleşme Bedeli",
    "Sözleşme Tutarı",
    "Պայմանագրի գումար",
    "Importo contratto",
    "Importo del contratto",
    "Valore contratto",
    "Valore del contratto",
    "Wartość umowy",
    "Kwota umowy",
    "Hodnota smlouvy",
    "Cena smlouvy",
    "Сума договору",
    "Вартість договору",
    "Avtalsvärde",
    "Kontraktsum",
    "Kontraktværdi",
    "Sopimuksen arvo",
    "Sopimussumma",
    "Valoare contract",
    "Valoarea contractului",
    "Szerződéses érték",
    "Szerződés értéke",
    "Ποσό σύμβασης",
    "Αξία σύμβασης",
    "قيمة العقد",
    "مبلغ العقد",
  ],
  // A bare Giá trị (value) is as generic as Value.
  amountWeak: ["Giá trị"],
  signDate: [
    "Fecha de suscripción del contrato",
    "Fecha de suscripción de contrato",
    "Data de Assinatura",
    "Data Assinatura",
    "Data da Assinatura",
    "Fecha de Suscripción",
    "Дата договора",
    "Дата заключения",
    "Дата заключения договора",
    "Дата подписания",
    "Дата соглашения",
    "Дата ДДУ",
    "Vertragsdatum",
    "Vertragsabschluss",
    "Unterzeichnungsdatum",
    "Date de signature",
    "Date du contrat",
    "契約日",
    "契約締結日",
    "締結日",
    "契約年月日",
    "계약일",
    "계약일자",
    "계약체결일",
    "체결일",
    "Ngày ký",
    "Ngày ký hợp đồng",
    "Ngày ký HĐ",
    "Tanggal Kontrak",
    "Tanggal Tanda Tangan",
    "Sözleşme Tarihi",
    "İmza Tarihi",
    "Կնքման ամսաթիվ",
    "Պայմանագրի ամսաթիվ",
    "Data stipula",
    "Data di stipula",
    "Data firma",
    "Data sottoscrizione",
    "Data zawarcia",
    "Data podpisania",
    "Data umowy",
    "Datum podpisu",
    "Datum uzavření",
    "Дата укладання",
    "Дата договору",
    "Дата підписання",
    "Avtalsdatum",
    "Kontraktdato",
    "Sopimuspäivä",
    "Allekirjoituspäivä",
    "Data semnării",
    "Data contractului",
    "Data încheierii",
    "Aláírás dátuma",
    "Szerződéskötés dátuma",
    "Ημερομηνία υπογραφής",
    "تاريخ التوقيع",
    "تاريخ العقد",
    "Tarikh Kontrak",
    "Tarikh Tandatangan",
  ],
};

/**
 * A payment list's headers in those languages: money due (入金予定日, Срок оплаты, Fälligkeitsdatum,
 * Fecha de Vencimiento) and money paid or come in (入金日, Дата оплаты, Zahlungsdatum, Data de
 * Pagamento, Վճարման ամսաթիվ); the last entries of each list in the thirteen languages named there.
 */
const PAY_ABROAD = {
  dueDate: [
    "入金予定日",
    "支払予定日",
    "支払期日",
    "입금예정일",
    "지급예정일",
    "Срок оплаты",
    "Дата платежа по графику",
    "Fälligkeitsdatum",
    "Fällig am",
    "Date d'échéance",
    "Fecha de Vencimiento",
    "Data de Vencimento",
    "Hạn thanh toán",
    "Ngày đến hạn",
    "Jatuh Tempo",
    "Tanggal Jatuh Tempo",
    "Vade Tarihi",
    "Data scadenza",
    "Data di scadenza",
    "Termin płatności",
    "Datum splatnosti",
    "Термін оплати",
    "Förfallodatum",
    "Forfaldsdato",
    "Eräpäivä",
    "Data scadentă",
    "Fizetési határidő",
  ],
  dueAmount: [
    "入金予定額",
    "入金予定金額",
    "支払予定額",
    "입금예정액",
    "Сумма к оплате",
    "Сумма платежа",
    "Fälliger Betrag",
    "Montant dû",
    "Montant à payer",
    "Monto a Pagar",
    "Valor a Pagar",
    "Valor da Parcela",
    "Số tiền phải thu",
    "Số tiền phải trả",
    "Ödenecek Tutar",
    "Չվճարված գումար",
    "Importo dovuto",
    "Importo da pagare",
    "Importo rata",
    "Kwota do zapłaty",
    "Kwota raty",
    "Částka k úhradě",
    "Сума до сплати",
    "Belopp att betala",
    "Beløb til betaling",
    "Maksettava summa",
    "Suma de plată",
    "Fizetendő összeg",
  ],
  receivedDate: [
    "入金日",
    "入金日付",
    "支払日",
    "입금일",
    "입금일자",
    "지급일",
    "Дата оплаты",
    "Дата платежа",
    "Zahlungsdatum",
    "Bezahlt am",
    "Date de paiement",
    "Date de règlement",
    "Fecha de Pago",
    "Data de Pagamento",
    "Data do Pagamento",
    "Ngày thanh toán",
    "Tanggal Pembayaran",
    "Tanggal Bayar",
    "Ödeme Tarihi",
    "Վճարման ամսաթիվ",
    "Data pagamento",
    "Data di pagamento",
    "Data zapłaty",
    "Data płatności",
    "Datum úhrady",
    "Datum platby",
    "Дата оплати",
    "Betalningsdatum",
    "Betaldatum",
    "Betalingsdato",
    "Maksupäivä",
    "Data plății",
    "Fizetés dátuma",
  ],
  receivedAmount: [
    "入金額",
    "入金金額",
    "支払額",
    "支払金額",
    "입금액",
    "입금금액",
    "지급액",
    "Сумма оплаты",
    "Оплачено",
    "Gezahlter Betrag",
    "Zahlungsbetrag",
    "Montant payé",
    "Montant réglé",
    "Monto Pagado",
    "Valor Pago",
    "Số tiền đã thanh toán",
    "Số tiền thanh toán",
    "Jumlah Pembayaran",
    "Jumlah Dibayar",
    "Ödenen Tutar",
    "Ödeme Tutarı",
    "Վճարված գումար",
    "Importo pagato",
    "Kwota zapłacona",
    "Zapłacono",
    "Uhrazená částka",
    "Uhrazeno",
    "Сплачено",
    "Сума оплати",
    "Betalt belopp",
    "Betalt beløb",
    "Maksettu summa",
    "Suma plătită",
    "Fizetett összeg",
  ],
};

/**
 * Whom a task tracker assigns each row to (指派给, Assignee, Zugewiesen an): a word for tasks, so a
 * plainly named row with both ends of its plan beside it is a task (recognise).
 */
export const ASSIGNED_HEADERS: readonly string[] = [
  "指派给",
  "分配给",
  "分配到",
  "指派到",
  "分派给",
  "Assigned To",
  "Assignee",
  "Assignees",
  "Zugewiesen an",
  // The person a work plan makes responsible for an activity (Activity | Responsible Person | Start Date).
  "Responsible Person",
  "Person Responsible",
];

/**
 * A contract's number qualified by the kind of contract or of number (物流合同编号, 采购合同号, 合同标识号码,
 * 合同备案编号): the contract key as a system with several ledgers heads it. An employee's labour
 * contract (劳动合同编号) is a personnel record's, not a ledger's.
 */
export const QUALIFIED_CONTRACT_NO =
  /^(?!劳动)[\u4e00-\u9fff]{1,4}合同(?:编号|编码|号码|号)$|^合同(?:标识|备案|登记|档案)(?:编号|编码|号码|号)$/;

const V = {
  contractNo: {
    headers: [
      "合同编号",
      "合同号",
      "合同编码",
      "合同代码",
      "合同序号",
      "合同ID",
      // A project's order contract (订单合同号) and an agreement's number (协议编号) key a ledger the same way.
      "订单合同号",
      "协议编号",
      "协议号",
      "合同号码",
      "合同流水号",
      // A tender's case number (標案案號).
      "标案编号",
      "标案案号",
      "采购案号",
      "协议编码",
      "协议号码",
      "协议代码",
      "协议ID",
      // The contract a receivable or payment row belongs to (关联合同编号 in an 应收记录).
      "关联合同编号",
      "对应合同编号",
      "所属合同编号",
      "关联合同ID",
      "所属合同ID",
      "Contract No.",
      "Contract #",
      // An agreement is a contract by another name (Agreement No. | Client | Agreement Date).
      "Agreement No.",
      "Agreement No",
      "Agreement Number",
      "Agreement ID",
      "Contract No",
      "Contract Number",
      "Contract ID",
      // A Spanish register's (Número de Contrato | Fecha del Contrato | Valor del Contrato).
      "Número de Contrato",
      "Número del Contrato",
      "No. de Contrato",
      ...CONTRACT_ABROAD.contractNo,
      // A loan is a contract too: its repayments are listed by the loan's number (Loan_ID | Payment_Date | Amount).
      "Loan ID",
      "Loan No",
      "Loan No.",
      "Loan Number",
    ],
    yields: ["合同ID", "协议ID", "关联合同ID", "所属合同ID", "Contract ID"],
  },
  note: { headers: ["备注", "说明", "Notes", "Note", "Remarks"], weak: ["说明", "NOTES", "NOTE", "REMARKS"] },
  dueDate: {
    headers: [
      "应收日期",
      "约定收款日期",
      "计划收款日期",
      "应收款日期",
      "计划付款日期",
      "计划付款时间",
      "应付日期",
      "付款时间",
      "付款日期",
      "约定付款日期",
      // A CRM's receivable plan (回款计划: 期数 | 计划回款金额 | 计划回款日期).
      "计划回款日期",
      "计划回款时间",
      "预计回款日期",
      "回款计划日期",
      "预计回款时间",
      // The day a payment is asked for (請款日期, as offices in Taiwan bill by it) is when it falls due.
      "请款日期",
      "请款时间",
      "Due Date",
      "Payment Due Date",
      // A billing milestone's date: when the customer is billed, the money falls due.
      "Billing Date",
      "Planned Payment Date",
      ...joined(MONEY_DUE, [...MONEY_IN, ...MONEY_OUT, ...MONEY_BOTH], ["日期", "时间", "日"]),
      // The plan named after the money (收款计划日期, 付款计划时间), as 回款计划日期.
      ...joined([...MONEY_IN, ...MONEY_OUT], ["计划"], ["日期", "时间"]),
      ...PAY_ABROAD.dueDate,
    ],
  },
  dueAmount: {
    headers: [
      "应收金额",
      "约定收款金额",
      "计划收款金额",
      "应收款",
      "应收款金额",
      "付款金额",
      "应付金额",
      "计划付款金额",
      "约定付款金额",
      "计划回款金额",
      "预计回款金额",
      // A payment node's amount (节点名称 | 节点金额 | 计划收款日期).
      "节点金额",
      "请款金额",
      "Billing Amount",
      // A monthly ledger under one contract's key/value block (合同规定当月应收货款（元）).
      "合同规定当月应收货款",
      "当月应收货款",
      ...joined(MONEY_DUE, [...MONEY_IN, ...MONEY_OUT, ...MONEY_BOTH], ["金额", "额", ""]),
      ...joined([...MONEY_IN, ...MONEY_OUT], ["计划"], ["金额"]),
      ...PAY_ABROAD.dueAmount,
    ],
  },
  receivedAmount: {
    headers: [
      "已收金额",
      "实收金额",
      "财务实收金额",
      "已收款",
      "已付金额",
      "实付金额",
      "已付款",
      "已付款金额",
      "已支付金额",
      "当月实收货款",
      "实收货款",
      // Money come in on a receipt list (收款ID | 合同编号 | 收款日期 | 收款金额).
      "收款金额",
      "回款金额",
      "实际回款金额",
      "实收付金额",
      "到账金额",
      "Amount Received",
      "Received Amount",
      "Amount Paid",
      "Paid Amount",
      // What a collections list says came in.
      "Collection",
      "Collected Amount",
      "Amount Collected",
      // Money come in, or paid out, so far (实际到账金额, 本次回款额, 累计收款金额, 已支付额).
      ...joined(["", "实际", "本次", "已", "累计"], MONEY_IN, ["金额", "额"]),
      ...joined(["实际", "本次", "已"], MONEY_OUT, ["金额", "额"]),
      ...PAY_ABROAD.receivedAmount,
    ],
  },
  receivedDate: {
    headers: [
      "实收日期",
      "收款日期",
      "到账日期",
      "财务实收日期",
      "实际收款日期",
      "实付日期",
      "实际付款日期",
      "已付日期",
      "Payment Date",
      "Date Paid",
      "Date Received",
      "Collection Date",
      "回款日期",
      "回款时间",
      "实际回款日期",
      // A ledger of money both ways (合同ID | 收付款名称 | 实收付金额 | 实收付日期).
      "实收付日期",
      "Actual Payment Date",
      "Payment Received Date",
      "Received Date",
      ...joined(["", "实际"], MONEY_IN, ["日期", "时间", "日"]),
      ...joined(["实际", "已"], MONEY_OUT, ["日期", "时间", "日"]),
      ...PAY_ABROAD.receivedDate,
    ],
  },
  dunningDate: { headers: ["催款通知日期", "催款日期"] },
  /** The other party of a contract (客户, 甲方, 合同相对方), on a ledger or on a payment list's rows. */
  customer: {
    headers: [
      "客户",
      "客户名称",
      "甲方",
      "客户单位",
      "甲方单位",
      "甲方名称",
      "合同相对方",
      "相对方",
      "对方单位",
      "合同对方",
      "对方名称",
      "对方单位名称",
      // A lease's other party (租客名称, 承租方; 出租方 on the tenant's own ledger).
      "租客名称",
      "承租方",
      "出租方",
      "签约单位",
      "合作单位",
      "供应商",
      "供应商名称",
      // A vendor as offices in Taiwan name it (廠商, 得標廠商, 立約商) and a contractor (承包商).
      "厂商",
      "厂商名称",
      "得标厂商",
      "立约商",
      "承包商",
      "承揽厂商",
      "承揽商",
      "Customer",
      "Counterparty",
      "Supplier",
      "Supplier Name",
      "Vendor",
      "Vendor Name",
      "Contractor",
      "Name of Contractor",
      "Nombre del Contratista",
      "Contratista",
      ...CONTRACT_ABROAD.customer,
      "Client",
      "Client Name",
      "Customer Name",
      // The customer of a concrete or materials supplier, on a contract's own sheet.
      "施工单位",
      // The owner a contractor works for (合同执行一览表 | 合同编号 | 合同金额 | 业主单位).
      "业主单位",
      "业主",
      "业主名称",
    ],
    weak: ["施工单位"],
  },
  /** Who sells the contract and is sent its 催款通知单. */
  salesManager: { headers: ["销售经理", "业务员", "销售负责人"] },
  registerOwner: {
    headers: ["负责人", "责任人", "跟踪人", "处理人", "Owner", ...ASSIGNED_HEADERS],
    weak: ["负责人", "责任人", "跟踪人", "处理人", "OWNER"],
  },
  registerStatus: {
    headers: ["状态", "当前状态", "处理状态", "Status", "State"],
    weak: ["状态", "STATUS", "STATE"],
  },
  serviceManager: { headers: ["客服经理", "项目经理", "实施负责人", "经办人", "项目负责人"] },
  reportDate: { headers: ["书面报告日期", "情况说明日期"] },
  // When the sheet was last brought up to date (§1.2.2 按期填写): generic, so never evidence of a kind.
  updatedAt: {
    headers: ["更新日期", "更新时间", "最后更新", "最后更新日期", "最近更新", "最近更新日期", "填报日期"],
    weak: ["更新日期", "更新时间", "最后更新", "最后更新日期", "最近更新", "最近更新日期", "填报日期"],
  },
} satisfies Record<string, Pick<FieldDef, "headers" | "weak" | "yields">>;

/**
 * Every spelling of a plan's date a sheet may build from a qualifier, a verb and a noun (计划 +
 * 启动 + 日期, 要求 + 完成 + 时间, 实际 + 完工 + 日): the qualifier says whose date it is, so each one
 * is specific. Listed after a field's own headers, which keep their place.
 */
function dateWords(qualifiers: readonly string[], verbs: readonly string[]): string[] {
  const out: string[] = [];
  for (const q of qualifiers)
    for (const v of verbs) for (const n of ["", "时间", "日期", "日", "时间点"]) out.push(q + v + n);
  return out;
}

/**
 * A task's length counted in hours (计划耗时 `2小时`, 工時, Estimated Hours, Jira's Original Estimate):
 * read as days of the 设置 每日工时; never evidence of a plan on its own (recognise).
 */
export const DURATION_HOURS = [
  ...joined(["", "计划", "预计", "预估", "估计"], ["工时", "耗时"]),
  ...["工時", "予定工時", "작업시간", "예상시간"],
  ...["Hours", "Estimated Hours", "Planned Hours", "Original Estimate", "Time Estimate"],
  ...["Horas", "Horas Estimadas", "Stunden", "Geschätzte Stunden", "Heures", "Heures estimées", "Часы"],
];

// 预估: estimated (预估完成日期), as 预计.
const PLAN = ["计划", "预计", "预期", "预估"];
/** What a plan's date may be qualified by besides 计划 (拟完成日期, 目标上线时间, 要求完成时间, 应完成日期, 排期上线时间). */
const PLAN_ALSO = ["拟", "目标", "要求", "应", "排期"];

/**
 * A plan's headers in the other languages offices keep plans in (Japanese, Korean, Vietnamese,
 * Spanish, Portuguese, French, German, Turkish, Russian, Dutch, Indonesian, Thai, then the thirteen
 * languages CONTRACT_ABROAD names last) and English as project tools export it (Baseline Start,
 * Planned End Date). `weak` are as generic as Start or End Date are in English.
 */
const PLAN_ABROAD = {
  task: [
    ...["タスク", "タスク名", "作業", "作業名", "作業項目", "作業内容"],
    // A WBS broken into 大項目 | 中項目 | 小項目: the middle level names the task (the finest is often left empty).
    ...["中項目", "小項目"],
    ...["태스크", "작업", "작업명", "업무", "업무명", "과업", "주요 업무"],
    // A Japanese 工程表's process name (工程名 | 担当 | 開始日 | 終了日).
    "工程名",
    ...["Công việc", "Tên công việc", "Nhiệm vụ"],
    ...["Tarea", "Tareas", "Actividad", "Actividades", "Nombre de la tarea"],
    ...["Tarefa", "Tarefas", "Atividade", "Atividades", "Entregável", "Pacote de Trabalho"],
    ...["Tâche", "Tâches", "Nom de la tâche", "Activité"],
    ...["Vorgang", "Vorgangsname", "Aufgabe"],
    ...["Görev", "Görev Adı", "Faaliyet"],
    ...["Задача", "Название задачи", "Наименование работ", "Работа"],
    ...["Kegiatan", "Nama Kegiatan", "Tugas", "Nama Tugas", "Pekerjaan"],
    ...["กิจกรรม", "งาน", "ชื่องาน"],
    // A task's name as MS Project names the column in each language (Name, Nom, Название, Nombre).
    ...["Nom", "Название", "Nombre"],
    ...["Acción", "Acciones", "Entregable", "Entregable/Acción"],
    ...["Activiteit", "Activiteiten", "Taak", "Taken", "Taaknaam", "Omschrijving taak"],
    "Attività",
    "Nome attività",
    "Descrizione attività",
    "Compito",
    "Zadanie",
    "Nazwa zadania",
    "Czynność",
    "Úkol",
    "Název úkolu",
    "Činnost",
    "Завдання",
    "Назва завдання",
    "Aktivitet",
    "Uppgift",
    "Opgave",
    "Oppgave",
    "Tehtävä",
    "Toimenpide",
    "Activitate",
    "Activități",
    "Sarcină",
    "Feladat",
    "Tevékenység",
    "Εργασία",
    "Δραστηριότητα",
    "المهمة",
    "اسم المهمة",
    "النشاط",
    "Aktiviti",
    "Tugasan",
  ],
  taskWeak: ["作業", "작업", "업무", "Работа", "小項目", "PEKERJAAN", "งาน", "NOM", "Название", "NOMBRE"],
  owner: [
    ...["担当", "作業者", "実施者"],
    ...["작업자", "담당자", "담당", "책임자", "수행인력", "담당인력", "수행자"],
    ...["Người thực hiện", "Người phụ trách", "Phụ trách"],
    ...["Responsable", "Responsável", "Verantwortlich", "Sorumlu"],
    ...["Noms Ressources", "Ressourcennamen", "Ressourcenamen", "Ответственный", "Исполнитель"],
    ...["Имя ресурса", "Названия ресурсов", "Nombres de Recursos"],
    ...["Penanggung Jawab", "ผู้รับผิดชอบ"],
    ...["Lidera", "Líder", "Encargado", "Verantwortliche", "Verantwortlicher", "Bearbeiter", "Zuständig"],
    ...["Verantwoordelijke", "Uitvoerder", "Eigenaar"],
    "Responsabile",
    "Assegnato a",
    "Odpowiedzialny",
    "Osoba odpowiedzialna",
    "Odpowiedzialność",
    "Odpovědná osoba",
    "Odpovídá",
    "Zodpovídá",
    "Відповідальний",
    "Виконавець",
    "Ansvarig",
    "Ansvarlig",
    "Vastuuhenkilö",
    "Vastuullinen",
    "Responsabil",
    "Felelős",
    "Υπεύθυνος",
    "المسؤول",
    "Pegawai Bertanggungjawab",
    "Bertanggungjawab",
  ],
  ownerWeak: [],
  planStart: [
    ...joined(["予定", ""], ["開始", "着手"], ["日", "日時", "日付"]),
    ...joined(["開始", "着手", "始"], ["予定"], ["", "日"]),
    ...["시작일", "시작 날짜", "시작", "착수일", "시작 예정일", "시작일자"],
    ...joined(["수행기간", "계획", "예정"], ["시작일", "시작"]),
    ...["Ngày bắt đầu", "Bắt đầu"],
    ...["Inicio", "Fecha de Inicio", "Fecha Inicio", "Comienzo"],
    ...["Início", "Data de Início", "Data Início", "Data Inicial"],
    ...["Début", "Date de début"],
    ...["Anfang", "Beginn", "Startdatum", "geplanter Start", "geplanter Beginn", "geplanter Anfang"],
    ...["Begindatum", "Start datum", "StartBegin", "Geplande start"],
    ...["Başlangıç", "Başlangıç Tarihi"],
    ...["Начало", "Дата начала"],
    ...["Tanggal Mulai", "Mulai", "วันที่เริ่ม", "วันเริ่ม", "เริ่ม"],
    "Data inizio",
    "Data di inizio",
    "Inizio",
    "Data rozpoczęcia",
    "Początek",
    "Data początku",
    "Začátek",
    "Datum zahájení",
    "Datum začátku",
    "Початок",
    "Дата початку",
    "Startdato",
    "Alkupäivä",
    "Aloituspäivä",
    "Aloitus",
    "Data început",
    "Data de început",
    "Început",
    "Kezdés",
    "Kezdő dátum",
    "Kezdés dátuma",
    "Ημερομηνία έναρξης",
    "Έναρξη",
    "تاريخ البدء",
    "تاريخ البداية",
    "Tarikh Mula",
  ],
  planStartWeak: [
    "MULAI",
    "เริ่ม",
    "開始日",
    "開始日時",
    "시작",
    "시작일",
    "BẮTĐẦU",
    "INICIO",
    "INÍCIO",
    "DÉBUT",
    "ANFANG",
    "BEGINN",
    "BAŞLANGIÇ",
    "Начало",
    "INIZIO",
    "POCZATEK",
    "ZACATEK",
    "Початок",
    "START",
    "ALOITUS",
    "INCEPUT",
    "KEZDES",
    "Έναρξη",
  ],
  planEnd: [
    ...joined(["予定", ""], ["終了", "完了"], ["日", "日時", "日付"]),
    ...joined(["終了", "完了", "終"], ["予定"], ["", "日"]),
    ...["종료일", "종료 날짜", "종료", "완료일", "마감일", "종료 예정일", "완료 예정일", "종료일자"],
    ...joined(["수행기간", "계획", "예정"], ["종료일", "완료일", "종료"]),
    ...["Ngày kết thúc", "Ngày hoàn thành", "Kết thúc"],
    ...["Fin", "Fecha Fin", "Fecha de Fin", "Fecha Final", "Fecha de Término", "Fecha de Finalización"],
    ...["Fim", "Término", "Data Fim", "Data de Fim", "Data de Término", "Data Final", "Prazo"],
    ...["Date de fin", "Échéance"],
    ...["Ende", "Enddatum", "Fälligkeit", "geplantes Ende", "geplantes Enddatum"],
    ...["Einddatum", "Eind datum", "Einde", "Geplande einddatum"],
    ...["Fecha límite", "Fecha Limite", "Date limite", "Data limite"],
    ...["Bitiş", "Bitiş Tarihi"],
    ...["Окончание", "Дата окончания", "Срок", "Срок выполнения"],
    ...["Tanggal Selesai", "Selesai", "Tenggat", "วันที่สิ้นสุด", "วันสิ้นสุด", "สิ้นสุด"],
    // A deadline (Japanese 期限, German Fälligkeitsdatum).
    ...["期限", "Fälligkeitsdatum", "Fällig am"],
    "Data fine",
    "Data di fine",
    "Scadenza",
    "Data zakończenia",
    "Koniec",
    "Termin",
    "Termin realizacji",
    "Konec",
    "Datum ukončení",
    "Datum konce",
    "Termín",
    "Закінчення",
    "Кінець",
    "Дата закінчення",
    "Термін",
    "Термін виконання",
    "Slutdatum",
    "Slutdato",
    "Frist",
    "Loppupäivä",
    "Päättymispäivä",
    "Määräaika",
    "Data sfârșit",
    "Data de sfârșit",
    "Sfârșit",
    "Termen",
    "Befejezés",
    "Befejező dátum",
    "Határidő",
    "Ημερομηνία λήξης",
    "Λήξη",
    "Προθεσμία",
    "تاريخ الانتهاء",
    "تاريخ النهاية",
    "Tarikh Tamat",
    "Tarikh Siap",
  ],
  planEndWeak: [
    "SELESAI",
    "สิ้นสุด",
    "期限",
    "終了日",
    "終了日時",
    "完了日",
    "종료",
    "종료일",
    "KẾTTHÚC",
    "FIN",
    "FIM",
    "TÉRMINO",
    "ENDE",
    "BITIŞ",
    "Окончание",
    "Срок",
    "SCADENZA",
    "KONIEC",
    "TERMIN",
    "KONEC",
    "TERMIN",
    "Кінець",
    "Термін",
    "FRIST",
    "SFARSIT",
    "TERMEN",
    "BEFEJEZES",
    "Λήξη",
  ],
  duration: [
    "期間",
    "기간",
    // The days a task takes (소요일, 소요 기간).
    ...["소요일", "소요일수", "소요 기간"],
    "Số ngày",
    "Duración",
    "Días",
    "Duração",
    "Durée",
    "Dauer",
    "Süre",
    "Gün",
    "Длительность",
    ...["Durasi", "ระยะเวลา"],
    ...joined(["工程", "行程", "作業", "所要", "稼働", "予定"], ["日数"]),
    ...["Duur", "Werkdagen", "Aantal dagen"],
    "Durata",
    "Giorni",
    "Czas trwania",
    "Liczba dni",
    "Doba trvání",
    "Trvání",
    "Тривалість",
    "Varaktighet",
    "Varighed",
    "Varighet",
    "Kesto",
    "Durată",
    "Időtartam",
    "Διάρκεια",
    "المدة",
    "Tempoh",
  ],
  durationWeak: ["期間", "기간", "DÍAS", "GÜN"],
  predecessors: ["Vorgänger", "Prédécesseurs", "Предшественники", "Predecesoras", "先行タスク"],
  progress: [
    "% Abgeschlossen",
    "% Achevé",
    "% завершено",
    "% Completado",
    "進捗率",
    "完了率",
    "진행률",
    "진척률",
  ],
  actualStart: [
    ...joined(["実績", "実際"], ["開始"], ["日", "日時", "日付", ""]),
    ...[
      "실제 시작일",
      "Ngày bắt đầu thực tế",
      "Inicio Real",
      "Início Real",
      "Début réel",
      "Actual Start Date",
    ],
  ],
  actualEnd: [
    ...joined(["実績", "実際"], ["終了", "完了"], ["日", "日時", "日付", ""]),
    ...[
      "실제 종료일",
      "Ngày kết thúc thực tế",
      "Fin Real",
      "Fim Real",
      "Fin réelle",
      "Actual End",
      "Actual End Date",
      "Actual Finish Date",
    ],
  ],
};

/** Every header of a plan in another language: never offered as the English name of a field. */
export const ABROAD_HEADERS: ReadonlySet<string> = new Set(
  [...Object.values(PLAN_ABROAD), ...Object.values(CONTRACT_ABROAD), ...Object.values(PAY_ABROAD)].flat(),
);

/** How English project tools qualify a plan's own dates (Planned Start, Baseline Finish). */
const PLANNED_EN = [
  "Planned ",
  "Plan ",
  "Baseline ",
  "Scheduled ",
  "Target ",
  "Projected ",
  // A task tracker's estimate (ZenTao's Estimate Start), a WBS tool's forecast (Forecast Finish).
  "Estimate ",
  "Estimated ",
  "Forecast ",
];

/**
 * A plan's fields as English project tools export them (Baseline Start, Planned End Date, Activity;
 * Primavera's Activity Name | Original Duration | Activity % Complete; a tracker's Deadline).
 */
const PLAN_EXPORT = {
  task: [
    ...["Activity", "Activities", "Activity Name", "Major Tasks", "Main Tasks", "Key Tasks"],
    // What trackers and templates name each row: a to-do, a deliverable, a card, a work item, a title
    // (Wrike), a milestone described (Excel's Simple Gantt Chart).
    ...["To-do", "To-Do Item", "Deliverable", "Deliverables"],
    ...["Card Name", "Work Item", "Title", "Milestone Description", "Subtask", "Sub-task", "Subtasks"],
    // A task described, a work package (工作包), a feature (功能). A meeting's action items are not a plan's:
    // a weekly status form's and a blank template's action logs are no plans.
    ...["Task Description", "Work Package", "Work Package Name", "Feature", "Features"],
  ],
  taskWeak: ["ACTIVITY", "ACTIVITIES", "TITLE", "FEATURE", "FEATURES"],
  owner: [
    ...["Lead", "Project Lead", "Task Lead", "Lead Person"],
    ...["Responsible", "Responsible Person", "Person Responsible", "Responsible Party", "Members"],
    "Responsibility",
    // Who is put on the task (Resourcing), as a resource names column does.
    "Resourcing",
    // Who builds a feature (Developer, as 开发人员).
    ...["Developer", "Developers"],
  ],
  ownerWeak: ["LEAD", "MEMBERS"],
  planStart: joined(PLANNED_EN, ["Start", "Begin"], ["", " Date"]),
  planEnd: [
    ...joined(PLANNED_EN, ["End", "Finish", "Completion"], ["", " Date"]),
    ...["Deadline", "Target Date", "Due On", "Due", "ETA", "Target End Date"],
  ],
  planEndWeak: ["DEADLINE", "DUEON", "DUE", "ETA"],
  duration: [
    "Original Duration",
    "Planned Duration",
    "Working Days",
    "Work Days",
    "No. of Days",
    "Number of Days",
    "No of Days",
    "No. Days",
  ],
  // Primavera's own key of each activity, left of the WBS Code of the node it hangs under.
  wbs: ["Activity ID"],
  progress: ["Activity % Complete"],
  actualStart: ["Actual Start Date"],
  actualEnd: ["Actual End", "Actual End Date", "Actual Finish Date"],
};

const schedule: KindDef = {
  kind: "schedule",
  key: "wbs",
  names: { zh: "进度计划表", en: "Schedule" },
  words: ["SCHEDULE", "进度计划表", "进度计划", "进度表"],
  // A task name with a plan date or a duration.
  core: [
    ["task", "planStart"],
    ["task", "planEnd"],
    ["task", "duration"],
  ],
  coreDates: ["planStart", "planEnd", "actualStart", "actualEnd"],
  sheetHint: { re: /进度|计划/, rank: 9 },
  dateOrder: [
    ["planStart", "planEnd"],
    ["actualStart", "actualEnd"],
  ],
  actualFields: ["actualStart", "actualEnd"],
  fields: [
    {
      field: "wbs",
      type: "wbs",
      headers: [
        "WBS编码",
        "序号",
        "编号",
        "任务编号",
        "任务代码",
        "工作项编号",
        "WBS",
        "WBS编号",
        "大纲数字",
        "WBS Number",
        "WBS No",
        "WBS Code",
        ...PLAN_EXPORT.wbs,
      ],
    },
    {
      field: "taskId",
      type: "wbs",
      headers: ["标识号", "ID", "任务ID", "任务标识"],
    },
    {
      field: "task",
      type: "text",
      required: true,
      headers: [
        "任务名称",
        "工作内容",
        "工作项名称",
        "工作名称",
        "任务",
        "任务内容",
        "工作任务",
        "工作事项",
        "名称",
        "任务描述",
        "工作项",
        "活动",
        "活动名称",
        "功能",
        "功能点",
        "功能模块",
        "功能板块",
        "功能版块",
        "开发内容",
        "项目内容",
        "工作项目",
        "各阶段任务",
        "阶段任务",
        "任务列表",
        "任务清单",
        // The tasks a larger one is broken into (整体任务 | 细分任务 | 时间).
        "细分任务",
        "子任务",
        // A business module of a development plan (业务模块 | 预计完成时间 | 负责人), as 功能模块.
        "业务模块",
        // A task's item, an activity's sub-item (任务项, 活动子项 beside 主要活动).
        "任务项",
        "活动子项",
        "子项任务",
        "功能列表",
        "分项工程",
        "分项工程名称",
        // A work package of a WBS, a feature of a development plan, a node or milestone of a project plan.
        "工作包",
        "工作包名称",
        "功能点描述",
        "功能点名称",
        // The finest level of a feature breakdown (模块 | 大功能 | 明细功能).
        "明细功能",
        "功能名称",
        "节点名称",
        "里程碑名称",
        "Task Name",
        "Task Title",
        "Task",
        "Tasks",
        "Name",
        "Work Item",
        "Milestone Name",
        "项目名称",
        // A task tracker's title of each task (TAPD, a task export: ID | 标题 | 状态 | 处理人).
        "标题",
        // The documents a plan hands in, each with its day (提交文档日程: 文档名 | 版本 | 计划日期 | 实际日期).
        "文档名",
        // What a review plan reviews (评审内容 | 计划评审日期 | 实际评审日期).
        "评审内容",
        // What a day or a week is planned for (日期 | 星期 | 当日目标, 时间 | 计划完成内容), and a study
        // plan's courses (学习课程名称 | 开始时间 | 结束时间).
        ...["当日目标", "今日目标", "每日目标", "本周目标", "学习目标", "当日目标任务"],
        ...["计划完成内容", "计划内容", "计划任务", "计划事项", "学习任务", "学习课程", "学习课程名称"],
        ...PLAN_ABROAD.task,
        ...PLAN_EXPORT.task,
      ],
      weak: [
        "名称",
        "活动",
        "NAME",
        "项目名称",
        "标题",
        "文档名",
        ...PLAN_ABROAD.taskWeak,
        ...PLAN_EXPORT.taskWeak,
      ],
    },
    { field: "phase", type: "text", headers: ["阶段", "实施阶段", "项目阶段", "大項目", "フェーズ"] },
    {
      field: "owner",
      type: "text",
      required: true,
      headers: [
        "负责人",
        "责任人",
        "执行人",
        "任务所有者",
        "负责人员",
        "任务负责人",
        "任务执行人",
        "责任人员",
        "执行人员",
        "参与人",
        "参与者",
        "参与人员",
        "资源名称",
        // An MS Project table copied out: its resources column (资源) holds who does the task.
        "资源",
        "担当者",
        "责任部门",
        "责任单位",
        "承办人",
        // Whoever carries the task, as a person, a post, a team or a department (牵头部门, 实施小组, 主办方).
        ...joined(
          [
            "负责",
            "责任",
            "执行",
            "承办",
            "跟进",
            "实施",
            "主办",
            "牵头",
            "完成",
            "处理",
            "主责",
            "承担",
            "权责",
          ],
          ["人", "人员", "者", "部门", "单位", "方", "岗位", "小组", "团队"],
        ),
        ...ASSIGNED_HEADERS,
        // A colleague in charge (負責同事, as Hong Kong offices write it).
        "负责同事",
        // Whom a tracker's task is with now (当前处理人).
        "当前处理人",
        "当前负责人",
        // Who follows a task up, or writes the document a task is (撰写人员 beside 审核人员).
        "跟进人",
        "跟进人员",
        "撰写人",
        "撰写人员",
        "编写人",
        "编写人员",
        "人员",
        "开发者",
        "开发人员",
        // Who designs it, as 开发人员 builds it (项目 | 对接人 | 设计师 | 开始日期).
        "设计师",
        "设计人员",
        "Resource Names",
        "Resource",
        "Resources",
        // A PERT sheet's people on a task (Human resources beside Number of members).
        "Human Resources",
        "Assigned Resources",
        "Owner",
        "Responsible",
        "Team Member",
        "Task Owner",
        "Person in charge",
        ...PLAN_ABROAD.owner,
        ...PLAN_EXPORT.owner,
      ],
      weak: ["OWNER", "人员", "资源", ...PLAN_EXPORT.ownerWeak],
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
        "开工时间",
        "开工日期",
        "预计开始",
        "预计开始时间",
        "预计开始日期",
        "预期开始时间",
        "预期开始日期",
        "开始",
        "Start",
        "Start Date",
        "Begin Date",
        "Begin",
        "Estimated Start Time",
        "Plan Start",
        "Planned Start",
        "Projected Start",
        "计划开始日",
        "开始日",
        // The task's own start (任务开始时间 | 任务结束时间).
        ...joined(["任务"], ["开始", "起始"], ["时间", "日期"]),
        // 起始 for 开始 (工作内容 | 执行人 | 起始日 | 截止日).
        "起始日",
        "起始日期",
        "起始时间",
        "施工开始时间",
        "施工开始日期",
        "起止日期",
        "起止时间",
        ...dateWords(PLAN, ["开始", "开工", "启动", "起始"]),
        ...dateWords(PLAN_ALSO, ["开始", "开工", "启动"]),
        ...PLAN_ABROAD.planStart,
        ...PLAN_EXPORT.planStart,
      ],
      weak: [
        "开始时间",
        "开始日期",
        "开始",
        "START",
        "STARTDATE",
        "开始日",
        "起始日",
        "起始日期",
        "起始时间",
        "BEGIN",
        "BEGINDATE",
        ...PLAN_ABROAD.planStartWeak,
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
        // The deadline a supervised task (督办任务) is given (完成时限, 办结时限).
        "完成时限",
        "办结时限",
        "办理时限",
        "截止时限",
        "截止时间",
        // 截至 for 截止: a common miswriting, as 签定 for 签订.
        "截至日期",
        "截至时间",
        "计划截止时间",
        "计划截止日期",
        "预计结束",
        "预计结束时间",
        "预计结束日期",
        "预计完成",
        "预计完成时间",
        "预计完成日期",
        "预计截止时间",
        "预计截止日期",
        "预期完成时间",
        "预期完成日期",
        "预期结束时间",
        "预期结束日期",
        "计划时间",
        "预计时间",
        "计划开发时间",
        "完工时间",
        "完工日期",
        "完成",
        "结束",
        "Finish",
        "Finish Date",
        "End",
        "End Date",
        "Due Date",
        "Plan End",
        "Plan Finish",
        "Planned End",
        "Planned Finish",
        "Planned Completion",
        "Planned Completion Date",
        "Projected End",
        "Projected Finish",
        // The day a task is expected done (Start Date | Expected Date).
        "Expected Date",
        "Expected End Date",
        "Expected Completion Date",
        // A bare 截止 beside a bare 开始 (编号 | 任务名称 | 负责人 | 开始 | 截止).
        "截止",
        "计划完成日",
        "计划结束日",
        "施工结束时间",
        "施工结束日期",
        "施工完成时间",
        "施工完成日期",
        "完成日",
        "结束日",
        "截止日",
        "工作时间",
        ...joined(["任务"], ["结束", "完成", "截止"], ["时间", "日期"]),
        // The one date a task is planned for, or falls due on (預定日期, 到期日).
        "计划日期",
        "预计日期",
        "预定日期",
        "到期日",
        "到期日期",
        // A plan's end by whatever it ends with: done, handed over, built, live or submitted.
        ...dateWords(
          [...PLAN, ...PLAN_ALSO],
          ["完成", "结束", "截止", "完工", "交付", "竣工", "上线", "提交", "终止"],
        ),
        ...PLAN_ABROAD.planEnd,
        ...PLAN_EXPORT.planEnd,
      ],
      weak: [
        "结束时间",
        "结束日期",
        "完成时间",
        "完成",
        "结束",
        "FINISH",
        "END",
        "ENDDATE",
        "DUEDATE",
        "截止",
        "完成日",
        "结束日",
        "截止日",
        "工作时间",
        "到期日",
        "到期日期",
        ...PLAN_ABROAD.planEndWeak,
        ...PLAN_EXPORT.planEndWeak,
      ],
    },
    {
      field: "duration",
      type: "days",
      headers: [
        "工期",
        "天数",
        "持续时间",
        "计划工期",
        "工作天数",
        "历时",
        "预计用时",
        "计划用时",
        "预计工期",
        "持续天数",
        "耗费天数",
        "预计花费时间",
        "Duration",
        "Estimated Duration",
        "Work Days",
        "Days",
        // A development plan's (开发工期) or a site's (施工工期) days.
        "开发工期",
        "施工工期",
        // The days a task is expected or planned to take, however qualified (預期天數, 預計任務工期,
        // 任务工期, 所需天数) and the time it takes (用时, 耗时, counted in days unless a unit says hours).
        ...joined(
          ["", "预计", "预期", "预估", "估计", "计划", "所需", "需要"],
          ["", "任务"],
          ["工期", "天数", "用时", "耗时", "历时", "持续时间", "持续天数", "工作天数"],
        ),
        // An estimate named after what it estimates (历时估计, 工期估计), or a cycle estimated (预估周期).
        ...["历时估计", "工期估计", "预估周期", "预计周期"],
        ...PLAN_ABROAD.duration,
        ...DURATION_HOURS,
        ...PLAN_EXPORT.duration,
      ],
      // A bare time taken (用时, 耗时) is as plain as 天数: a reading log's too.
      weak: ["天数", "DAYS", "用时", "耗时", ...PLAN_ABROAD.durationWeak, ...DURATION_HOURS],
    },
    {
      field: "actualStart",
      type: "date",
      headers: [
        "实际开始",
        "实际开始时间",
        "实际开始日期",
        "实际开工时间",
        "实际开工日期",
        "Actual Start",
        ...dateWords(["实际"], ["开始", "开工", "启动"]),
        ...PLAN_ABROAD.actualStart,
        ...PLAN_EXPORT.actualStart,
      ],
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
        "实际结束日期",
        "实际截止时间",
        // The day it came to, beside the one day it was planned for (计划日期 | 实际日期).
        "实际日期",
        "Actual Finish",
        "Actual Completion",
        "Actual Completion Date",
        ...dateWords(["实际"], ["完成", "结束", "完工", "交付", "截止", "竣工", "上线", "提交"]),
        ...PLAN_ABROAD.actualEnd,
        ...PLAN_EXPORT.actualEnd,
      ],
    },
    {
      field: "progress",
      type: "percent",
      headers: [
        "完成率",
        "完成百分比",
        "进度",
        "完工百分比",
        "任务完成百分比",
        "完成进度",
        "完成比例",
        "完成度",
        "% Complete",
        "Percent Complete",
        ...PLAN_ABROAD.progress,
        ...PLAN_EXPORT.progress,
      ],
    },
    {
      field: "predecessors",
      type: "wbsList",
      headers: [
        "前置任务",
        "前置工作项",
        "紧前工作",
        "紧前任务",
        "前置",
        "依赖任务",
        "依赖关系",
        "前置依赖",
        "Predecessors",
        "Predecessor",
        "Dependency",
        "Dependencies",
        "Depends On",
        ...PLAN_ABROAD.predecessors,
      ],
    },
    { field: "milestone", type: "yesno", headers: ["里程碑", "Milestone"] },
    {
      field: "parent",
      type: "wbs",
      headers: ["父任务", "上级任务", "父级任务", "父任务ID", "父级", "Parent", "Parent ID", "Parent Task"],
    },
    { field: "deliverable", type: "text", headers: ["交付成果", "交付物"] },
    {
      field: "baselineStart",
      type: "date",
      headers: ["基线开始", "基线开始时间", "基线开始日期", "原计划开始", "Baseline Start"],
    },
    {
      field: "baselineEnd",
      type: "date",
      headers: [
        "基线完成",
        "基线完成时间",
        "基线完成日期",
        "原计划完成",
        "原计划完成时间",
        "Baseline Finish",
      ],
    },
    { field: "changeNoticeDate", type: "date", headers: ["调整通知日期", "变更通知日期"] },
    { field: "financeFiled", type: "yesno", headers: ["报备财务", "财务报备"] },
    { field: "contractNo", type: "text", ...V.contractNo },
    { field: "updatedAt", type: "date", ...V.updatedAt },
    { field: "note", type: "text", ...V.note },
  ],
};

const contracts: KindDef = {
  kind: "contracts",
  key: "contractNo",
  names: { zh: "合同执行情况表", en: "Contracts" },
  words: ["CONTRACTS", "CONTRACT", "合同执行情况表", "合同台账", "合同"],
  // A contract number or name with a sign date, an amount, a delivery date, payment columns or
  // both ends of its term (合同开始日期 | 合同到期日期).
  core: [
    ["contractNo", "signDate"],
    ["contractNo", "amount"],
    ["contractNo", "deliveryDate"],
    ["contractNo", "@groups"],
    ["contractName", "signDate"],
    ["contractName", "amount"],
    // A ledger that names each contract by its customer alone (Contract Date | Customer | Project Total).
    ["customer", "signDate", "amount"],
    ["contractNo", "termStart", "termEnd"],
    ["contractNo", "termStart", "term"],
  ],
  coreDates: ["signDate", "deliveryDate", "termStart", "termEnd"],
  sheetHint: { re: /合同/, rank: 5 },
  dateOrder: [
    ["signDate", "deliveryDate"],
    ["signDate", "completionDate"],
    ["signDate", "noticeDate"],
    ["termStart", "termEnd"],
  ],
  actualFields: [
    "completionDate",
    "acceptanceDate",
    "receivedDate",
    "noticeDate",
    "dunningDate",
    "reportDate",
    "memoDate",
  ],
  fields: [
    { field: "contractNo", type: "text", required: true, ...V.contractNo },
    {
      field: "contractName",
      type: "text",
      headers: [
        "合同名称",
        "项目名称",
        "合同标的",
        "合同标题",
        "协议名称",
        "工程名称",
        "合同名字",
        // A tender awarded (Taiwan's government procurement: 標案名稱, 案名 | 得標廠商 | 決標日期 | 決標金額).
        "标案名称",
        "采购案名称",
        "案名",
        "Contract Name",
        "Name of Contract",
        "Contract",
        "Contract Title",
        "Title",
        "Objeto del Contrato",
        ...CONTRACT_ABROAD.contractName,
        // What a contractor's job ledger says each job is (Contract Date | Customer | Description).
        "Description",
        "Contract Description",
        "Scope of Work",
      ],
      weak: [
        "项目名称",
        "工程名称",
        "TITLE",
        "DESCRIPTION",
        "SCOPEOFWORK",
        "案名",
        ...CONTRACT_ABROAD.contractNameWeak,
      ],
    },
    { field: "customer", type: "text", ...V.customer },
    // What kind of contract a row is (销售, 服务, 采购), as a contract system exports its list.
    {
      field: "contractType",
      type: "text",
      headers: [
        "合同类型",
        "合同性质",
        "合同类别",
        "合同分类",
        "Contract Type",
        ...CONTRACT_ABROAD.contractType,
      ],
    },
    {
      field: "signDate",
      type: "date",
      required: true,
      headers: [
        "签订日期",
        "签约日期",
        "合同签订日期",
        "签订时间",
        "签约时间",
        "合同签订时间",
        "签定日期",
        "签定时间",
        "合同签定日期",
        "签署日期",
        "合同签署日期",
        "签字日期",
        "合同签字日期",
        "盖章日期",
        "用印日期",
        // A sales ledger's 合同日 (合同号 | 合同日 | 合同金额): the day the contract was made.
        "合同日期",
        "合同日",
        "合同时间",
        "Signed",
        "Signed Date",
        "Signed On",
        "Sign Date",
        "Signing Date",
        "Date Signed",
        "Fecha del Contrato",
        "Fecha de Firma",
        ...CONTRACT_ABROAD.signDate,
        "Contract Date",
        "Agreement Date",
        // A purchase order's date, in a register of purchase orders (PO Number | Supplier | PO Date).
        "PO Date",
        "日期",
        "Date",
        ...joined(
          ["", "合同"],
          ["签订", "签定", "签署", "签约", "签字", "盖章", "订立"],
          ["日期", "时间", "日"],
        ),
        // The verb first, as a contract system's field reads (签订合同日期).
        ...joined(["签订", "签定", "签署"], ["合同"], ["日期", "时间"]),
        // The day a tender was awarded, the contract made on it (決標日期).
        "决标日期",
      ],
      // When the seal went on: a sign date only where no column says 签订 itself. A plain 日期/Date
      // is the contract's date where its number and party are named (Date | Customer | Contract ID).
      weak: ["用印日期", "日期", "DATE"],
    },
    {
      field: "amount",
      type: "money",
      required: true,
      headers: [
        "合同金额",
        "合同总金额",
        "合同价款",
        "合同总价",
        "合同额",
        "合同总额",
        "合同价",
        "签约金额",
        "含税签约合同价",
        "签约合同价",
        "含税合同价",
        "含税合同金额",
        "合同含税金额",
        "中标金额",
        "决标金额",
        // 契約價金: the price of a contract, as a government contract names it.
        "合同价金",
        "得标金额",
        // What the contract is worth, as a contract-management system names it (标的: its subject matter).
        "标的金额",
        "标的额",
        "金额",
        "总金额",
        // A contract system's total (总款) beside the contract's fees (劳务费 | 佣金).
        "总款",
        ...TAXED_AMOUNT,
        "Amount",
        "Contract Amount",
        "Contract Value",
        "Agreement Value",
        "PO Amount",
        "PO Value",
        "Valor del Contrato",
        "Monto del Contrato",
        "Value",
        "Contract Total",
        "Contract Price",
        "Total Contract Value",
        "Project Total",
        ...CONTRACT_ABROAD.amount,
        ...joined(
          ["合同", "签约"],
          ["金额", "总额", "总价", "价款", "总价款", "含税金额", "价税合计", "标的额", "标的金额", "造价"],
        ),
      ],
      weak: ["金额", "总金额", "总款", ...TAXED_AMOUNT, "AMOUNT", "VALUE", ...CONTRACT_ABROAD.amountWeak],
    },
    { field: "salesManager", type: "text", ...V.salesManager },
    { field: "serviceManager", type: "text", ...V.serviceManager },
    { field: "noticeDate", type: "date", headers: ["实施通知日期", "项目实施通知日期", "通知发布日期"] },
    {
      field: "deliveryDate",
      type: "date",
      required: true,
      headers: [
        "约定交货期",
        "交货期",
        "合同交货期",
        "交付日期",
        "交货日期",
        "约定交货日期",
        "交付时间",
        "交货期限",
      ],
    },
    // The contract's term: when it takes effect and when it runs out (a service or lease contract).
    {
      field: "termStart",
      type: "date",
      headers: [
        "合同开始日期",
        "合同起始日期",
        "合同起始日",
        "合同生效日期",
        "生效日期",
        "合同生效时间",
        "生效时间",
        "合同开始时间",
        "合同期限起",
        "开始日期",
        "起始日期",
        "Contract Start",
        "Contract Start Date",
        "Effective Date",
        "Start Date",
      ],
      weak: ["开始日期", "起始日期", "STARTDATE"],
    },
    {
      field: "termEnd",
      type: "date",
      headers: [
        "合同结束日期",
        "合同到期日期",
        "合同到期日",
        "合同终止日期",
        "合同截止日期",
        "合同结束时间",
        "合同期限止",
        "到期日期",
        "到期日",
        "结束日期",
        "Contract End",
        "Contract End Date",
        "Expiry Date",
        "Expiration Date",
        "End Date",
      ],
      weak: ["到期日期", "到期日", "结束日期", "ENDDATE"],
    },
    // How long the term runs from its start (合同期限 12, 租期 3年, Contract Term in months).
    {
      field: "term",
      type: "text",
      headers: [
        "合同期限",
        "合同期",
        "合同年限",
        "租期",
        "租赁期限",
        "期限",
        "Contract Term",
        "Lease Term",
        "Term",
      ],
      weak: ["期限", "TERM"],
    },
    {
      field: "completionDate",
      type: "date",
      headers: ["实际完成日期", "完成日期", "实际交付日期", "实际完成时间"],
    },
    { field: "quality", type: "text", headers: ["完成质量", "验收结论"] },
    { field: "acceptanceDate", type: "date", headers: ["验收单日期", "验收日期"] },
    { field: "dueDate", type: "date", numbered: true, ...V.dueDate },
    { field: "dueAmount", type: "money", numbered: true, ...V.dueAmount },
    { field: "receivedAmount", type: "money", numbered: true, ...V.receivedAmount },
    { field: "receivedDate", type: "date", numbered: true, ...V.receivedDate },
    { field: "dunningDate", type: "date", ...V.dunningDate },
    { field: "reportDate", type: "date", ...V.reportDate },
    { field: "memoDate", type: "date", headers: ["备忘录日期", "备忘录签订日期"] },
    // 是: a 致谢函 goes to the customer with the 备忘录 (§2.4.1 计划顺延「如必要，起草《致谢函》」).
    { field: "thanksLetter", type: "yesno", headers: ["致谢函", "需致谢函", "附致谢函"] },
    { field: "status", type: "text", headers: ["合同状态", "执行状态", "Status"] },
    // Project start (§2.1, §2.3.4, §2.3.5, §1.2.2).
    {
      field: "projectReportDate",
      type: "date",
      headers: ["立项报告日期", "立项报告报送日期", "立项备档日期", "立项日期"],
    },
    {
      field: "firstPaymentDate",
      type: "date",
      headers: ["首付款日期", "首付款到账日期", "首付款收款日期", "首付款实收日期", "预付款到账日期"],
    },
    {
      field: "kickoffDate",
      type: "date",
      headers: [
        "动员会日期",
        "启动会日期",
        "项目启动会日期",
        "动员会召开日期",
        "实施动员会日期",
        "启动会议日期",
        "项目动员会日期",
      ],
    },
    {
      field: "planFiledDate",
      type: "date",
      headers: [
        "实施方案报送日期",
        "方案报送财务日期",
        "实施方案报财务日期",
        "方案报送日期",
        "工作计划表报送日期",
        "实施方案报送财务日期",
      ],
    },
    {
      // 是/否, a date, or who signed: read by the rule, so typed as text.
      field: "scheduleSigned",
      type: "text",
      headers: [
        "进度计划表签章",
        "进度计划签章",
        "进度计划表签字盖章",
        "进度计划签字盖章",
        "计划签字盖章",
        "进度计划表签署",
        "进度计划签章日期",
        "进度计划表签章日期",
      ],
    },
    // Training and go-live (§2.4.2, §2.5.1).
    {
      field: "trainingPlanDate",
      type: "date",
      headers: ["培训计划确认日期", "培训计划表确认日期", "培训计划客户确认日期"],
    },
    { field: "trainingStart", type: "date", headers: ["培训开始日期", "培训开始时间", "培训日期"] },
    { field: "trainingEnd", type: "date", headers: ["培训完成日期", "培训结束日期", "培训完成时间"] },
    {
      field: "assessmentDate",
      type: "date",
      headers: ["操作考核日期", "客户操作考核日期", "考核记录日期", "操作考核记录日期"],
    },
    {
      field: "initDate",
      type: "date",
      headers: ["初始化完成日期", "初始化日期", "数据初始化日期", "初始化输入完成日期"],
    },
    {
      field: "initCheckDate",
      type: "date",
      headers: ["初始化检查日期", "初始化数据检查日期", "初始化数据检查表日期"],
    },
    {
      field: "goLiveDate",
      type: "date",
      headers: ["正式运行日期", "系统上线日期", "正式上线日期", "上线日期", "正式运行时间", "上线时间"],
    },
    {
      field: "runInEnd",
      type: "date",
      headers: ["磨合期结束日期", "免费磨合期结束日期", "磨合期截止日期", "免费磨合期至", "磨合期至"],
    },
    // Acceptance and close-out (集成 5(1), §1.2.2, 流程 三.2–三.3).
    { field: "preAcceptanceDate", type: "date", headers: ["预验收日期", "预验收时间"] },
    { field: "preAcceptors", type: "text", headers: ["预验收人", "预验收人员", "预验收参加人"] },
    {
      // One column listing the departments the signed 验收单 went to (客服部、销售部 …).
      field: "acceptanceCopies",
      type: "text",
      headers: ["验收单报送", "验收单报送部门", "验收单分送", "验收单送达部门", "验收单抄送"],
    },
    { field: "acceptanceToService", type: "text", headers: ["验收单送客服部", "验收单报客服部"] },
    { field: "acceptanceToSales", type: "text", headers: ["验收单送销售部", "验收单报销售部"] },
    { field: "acceptanceToOffice", type: "text", headers: ["验收单送总经办", "验收单报总经办"] },
    { field: "acceptanceToFinance", type: "text", headers: ["验收单送财务部", "验收单报财务部"] },
    { field: "summaryDate", type: "text", headers: ["项目总结日期", "项目总结", "总结日期", "总结会日期"] },
    {
      field: "archiveDate",
      type: "text",
      headers: ["结案归档日期", "结案归档", "归档日期", "结案日期", "存档日期"],
    },
    {
      field: "archivedWithContract",
      type: "yesno",
      headers: ["与合同一并存档", "随合同存档", "与合同一同存档", "随合同归档"],
    },
    { field: "updatedAt", type: "date", ...V.updatedAt },
    { field: "note", type: "text", ...V.note },
  ],
};

/**
 * Headers of the month a row of a monthly receivable ledger is for (`月份 | … | 合同规定当月应收货款`).
 * Read as the payment's due date — the month's last day — only in a 收款计划表 kept on the
 * contract's own sheet under its key/value block (签订日期：…, 合同编号：…), never elsewhere.
 */
export const PERIOD_HEADERS: readonly string[] = ["月份", "所属月份", "结算月份", "月度"];

/**
 * Bare headers naming the contract (or the project of its one contract) a payment list's row is for (`Name | Contract | Due date |
 * Amount`), whether the column holds its number or its name: the list's key, in a 收款计划表 only.
 */
export const CONTRACT_KEY_HEADERS: readonly string[] = [
  "合同",
  "所属合同",
  "对应合同",
  "Contract",
  // A CRM's receivable list names the contract by its name (回款编号 | 合同名称 | 回款日期 | 回款金额).
  "合同名称",
  "关联合同名称",
  "合同订单",
  // A project's payment plan keys each payment by the project its one contract is for.
  "项目编号",
];

/**
 * Plain "when" headers (时间, 时间安排): too generic to name a plan date, but a column under one
 * that holds date ranges (`2025.03.17 - 2025.04.21`, `10.26~11.1`) is a plan's start and end.
 */
export const RANGE_TIME_HEADERS: readonly string[] = [
  "时间",
  "日期",
  "时间安排",
  "时间节点",
  "周期",
  "计划周期",
  "时间段",
  "起止",
  // 期程, 時程: a task's span as plans in Taiwan name it (`2025/3/1~2025/4/2`).
  "期程",
  "时程",
  "执行期程",
  "预定期程",
];

/**
 * A workload counted in days (`工作量（人天）`, `工时(天)`): in a plan, how many days the task takes —
 * its duration — when the header's unit says days; in hours it is no duration.
 */
export const WORKLOAD_HEADERS: readonly string[] = ["工作量", "工时", "预计工时", "计划工时"];

/** Plain "what" headers (内容, 主要内容): a plan's task only beside such a column of date ranges. */
export const RANGE_TASK_HEADERS: readonly string[] = [
  "内容",
  "主要内容",
  "计划内容",
  "工作安排",
  "事项",
  // What each period of a plan is for (开始时间 | 结束时间 | 目的).
  "目的",
  "工作目标",
  // A construction programme's Item | Description | Start | Finish | Duration.
  "Description",
];

const payments: KindDef = {
  kind: "payments",
  names: { zh: "收款计划表", en: "Payment plan" },
  words: ["PAYMENTS", "PAYMENT", "收款计划表", "付款计划表", "PAYABLES"],
  // A contract key, a due or paid date and an amount.
  core: [
    ["contractNo", "dueDate", "dueAmount"],
    ["contractNo", "dueDate", "receivedAmount"],
    ["contractNo", "receivedDate", "receivedAmount"],
    ["contractNo", "receivedDate", "dueAmount"],
  ],
  coreDates: ["dueDate", "receivedDate"],
  sheetHint: { re: /收款/, rank: 1 },
  actualFields: ["receivedDate", "dunningDate", "reportDate"],
  fields: [
    { field: "contractNo", type: "text", required: true, ...V.contractNo },
    {
      field: "node",
      type: "text",
      // …or the instalment (期次, 期数, 付款期次).
      headers: [
        ...["款项", "款项名称", "收款节点", "付款节点", "付款阶段", "收款阶段", "付款条件", "收款条件"],
        ...["期次", "期数", "付款期次", "收款期次", "回款期次"],
      ],
    },
    {
      field: "dueDate",
      type: "date",
      required: true,
      // A payment list's plain date (日期, Date) or when its money falls due (到期日): what the amount
      // named beside it makes it (recognise).
      headers: [...V.dueDate.headers, "日期", "Date", "到期日", "到期日期"],
      weak: ["日期", "DATE", "到期日", "到期日期"],
    },
    {
      field: "dueAmount",
      type: "money",
      required: true,
      // A payment list's plain amount (金额, Amount, 计划金额): what the date beside it makes it (recognise).
      headers: [
        ...V.dueAmount.headers,
        "Amount Due",
        "Due Amount",
        "金额",
        "Amount",
        "计划金额",
        "计划完成金额",
        // The amount agreed for an instalment (期次 | 约定付款日 | 约定金额).
        "约定金额",
      ],
      weak: ["金额", "AMOUNT", "计划金额", "计划完成金额", "约定金额"],
    },
    { field: "receivedDate", type: "date", ...V.receivedDate },
    { field: "receivedAmount", type: "money", ...V.receivedAmount },
    { field: "dunningDate", type: "date", ...V.dunningDate },
    { field: "reportDate", type: "date", ...V.reportDate },
    // Whom a list kept without a contract ledger (one row per invoice) dunns, and who dunns them.
    { field: "customer", type: "text", ...V.customer },
    { field: "salesManager", type: "text", ...V.salesManager },
    { field: "note", type: "text", ...V.note },
  ],
};

/**
 * 实施文档台账: one row per document of §2.4.1 要素文档的编写和验收, with the date of each hand-off
 * (编写完成 → 初审 → 传总经办 → 总经办返回 → 送达客户 → 实施会议 → 签字 → 签收 → 备案).
 */
export const DOCUMENT_STEPS: readonly string[] = [
  "writtenDate",
  "reviewDate",
  "toOfficeDate",
  "officeReturnDate",
  "deliveredDate",
  "meetingDate",
  "minutesDate",
  "signedDate",
  "receiptDate",
  "filedDate",
];

const documents: KindDef = {
  kind: "documents",
  names: { zh: "实施文档台账", en: "Document register" },
  words: ["DOCUMENTS", "DOCUMENT", "实施文档台账", "文档台账", "要素文档台账", "文档"],
  // A document's name with any date of its hand-off chain.
  core: DOCUMENT_STEPS.map((f) => ["docName", f]),
  coreDates: [...DOCUMENT_STEPS],
  sheetHint: { re: /文档|方案/, rank: 0 },
  dateOrder: [
    ["writtenDate", "deliveredDate"],
    ["reviewDate", "toOfficeDate"],
    ["toOfficeDate", "officeReturnDate"],
    ["deliveredDate", "meetingDate"],
    ["signedDate", "filedDate"],
    ["receiptDate", "filedDate"],
  ],
  actualFields: [...DOCUMENT_STEPS],
  fields: [
    { field: "contractNo", type: "text", required: true, ...V.contractNo },
    {
      field: "docName",
      type: "text",
      required: true,
      headers: ["文档名称", "文档", "要素文档", "方案名称", "文件名称", "资料名称", "文档标题", "Document"],
      weak: ["文档"],
    },
    { field: "serviceManager", type: "text", required: true, ...V.serviceManager },
    { field: "writer", type: "text", headers: ["编写人", "编写者", "撰写人", "客服员"] },
    {
      field: "writtenDate",
      type: "date",
      headers: ["编写完成日期", "编写完成", "完成编写日期", "编写日期", "编写完成时间"],
    },
    { field: "reviewDate", type: "date", headers: ["初审日期", "初审", "客服经理初审日期", "初审时间"] },
    {
      field: "toOfficeDate",
      type: "date",
      headers: ["传总经办日期", "传总经办", "送总经办日期", "报总经办日期", "送审日期", "传至总经办日期"],
    },
    {
      field: "officeReturnDate",
      type: "date",
      headers: [
        "总经办返回日期",
        "总经办审核日期",
        "总经办审核",
        "总经办返回",
        "审核返回日期",
        "总经办审核完成日期",
        "传回客服经理日期",
      ],
    },
    {
      field: "deliveredDate",
      type: "date",
      headers: ["送达客户日期", "送达日期", "送达客户", "送达客户企业日期", "送达时间"],
    },
    {
      field: "meetingDate",
      type: "date",
      headers: ["实施会议日期", "实施会议", "确认会议日期", "实施会议时间"],
    },
    {
      field: "minutesDate",
      type: "date",
      headers: ["会谈纪要日期", "异议日期", "异议/会谈纪要", "会谈纪要", "异议处理日期"],
    },
    {
      field: "signedDate",
      type: "date",
      headers: ["签字日期", "双方签字日期", "签字", "客服经理签字日期"],
    },
    {
      field: "receiptDate",
      type: "date",
      headers: ["签收日期", "验收表签收日期", "签收", "签收时间"],
    },
    {
      field: "filedDate",
      type: "date",
      headers: ["备案日期", "总经办备案日期", "备案", "电子文档备案日期", "备案时间"],
    },
    { field: "note", type: "text", ...V.note },
  ],
};

/** 风险登记: risks with their level, response, owner, due date, status and last review. */
const risks: KindDef = {
  kind: "risks",
  names: { zh: "风险登记", en: "Risk register" },
  words: ["RISKS", "RISK", "风险登记", "风险登记表", "风险登记册", "风险台账", "风险"],
  core: [
    ["risk", "level"],
    ["risk", "response"],
    ["risk", "reviewDate"],
  ],
  coreDates: ["responseDue", "reviewDate"],
  sheetHint: { re: /风险/, rank: 0 },
  actualFields: ["reviewDate"],
  fields: [
    {
      field: "riskId",
      type: "text",
      headers: ["风险编号", "编号", "序号", "Risk ID"],
      weak: ["编号", "序号"],
    },
    {
      field: "risk",
      type: "text",
      required: true,
      headers: ["风险描述", "风险", "风险名称", "风险事项", "风险内容", "Risk"],
    },
    {
      field: "level",
      type: "text",
      required: true,
      headers: ["风险等级", "风险级别", "等级", "级别", "风险程度", "Level", "Severity"],
      weak: ["等级", "级别", "LEVEL", "SEVERITY"],
    },
    {
      field: "response",
      type: "text",
      headers: [
        "应对措施",
        "应对策略",
        "应对方案",
        "缓解措施",
        "风险应对",
        "控制措施",
        "Response",
        "Mitigation",
      ],
    },
    { field: "owner", type: "text", required: true, ...V.registerOwner },
    {
      field: "responseDue",
      type: "date",
      headers: ["应对期限", "计划完成日期", "截止日期", "应对截止日期", "到期日", "完成期限", "Due Date"],
      weak: ["截止日期", "DUEDATE"],
    },
    { field: "status", type: "text", ...V.registerStatus },
    {
      field: "reviewDate",
      type: "date",
      headers: [
        "最近评审日期",
        "上次评审日期",
        "评审日期",
        "最近跟踪日期",
        "跟踪日期",
        "最近更新日期",
        "Last Review",
      ],
    },
    { field: "contractNo", type: "text", ...V.contractNo },
    { field: "note", type: "text", ...V.note },
  ],
};

/** 问题清单: open issues with an owner, a date to be solved by and a status. */
const issues: KindDef = {
  kind: "issues",
  names: { zh: "问题清单", en: "Issue list" },
  words: ["ISSUES", "ISSUE", "问题清单", "问题跟踪表", "问题台账", "问题"],
  core: [
    ["issue", "issueDue"],
    ["issue", "resolvedDate"],
  ],
  coreDates: ["issueDue", "resolvedDate"],
  sheetHint: { re: /问题/, rank: 0 },
  dateOrder: [["raisedDate", "resolvedDate"]],
  actualFields: ["raisedDate", "resolvedDate"],
  fields: [
    {
      field: "issueId",
      type: "text",
      headers: ["问题编号", "编号", "序号", "Issue ID", "Issue Key"],
      weak: ["编号", "序号"],
    },
    {
      field: "issue",
      type: "text",
      required: true,
      // An issue tracker's one-line title of each issue (GitLab's Title, Jira's Summary).
      headers: ["问题描述", "问题", "问题名称", "问题事项", "问题内容", "Issue", "Title", "Summary"],
      weak: ["TITLE", "SUMMARY"],
    },
    {
      field: "raisedDate",
      type: "date",
      headers: ["提出日期", "发现日期", "登记日期", "Raised", "Created At", "Created"],
      weak: ["CREATEDAT", "CREATED"],
    },
    { field: "owner", type: "text", required: true, ...V.registerOwner },
    {
      field: "issueDue",
      type: "date",
      required: true,
      headers: [
        "计划解决日期",
        "要求解决日期",
        "解决期限",
        "要求完成日期",
        "计划完成日期",
        "计划完成时间",
        "截止日期",
        "Due Date",
      ],
      weak: ["截止日期", "DUEDATE"],
    },
    { field: "status", type: "text", ...V.registerStatus },
    {
      field: "resolvedDate",
      type: "date",
      headers: [
        "实际解决日期",
        "解决日期",
        "解决时间",
        "关闭日期",
        "Resolved",
        "Closed At",
        "Resolution Date",
      ],
    },
    { field: "contractNo", type: "text", ...V.contractNo },
    { field: "note", type: "text", ...V.note },
  ],
};

/**
 * 变更申请 (示范 4 「变更必须经过正式的申请、评审和批准程序」): each request with its contract or
 * task, the dates it was requested, reviewed and approved, and the decision (批准/驳回).
 */
const changes: KindDef = {
  kind: "changes",
  key: "changeId",
  names: { zh: "变更申请", en: "Change requests" },
  words: [
    "CHANGES",
    "CHANGE",
    "变更申请",
    "变更申请表",
    "变更申请单",
    "变更登记",
    "变更台账",
    "变更记录",
    "变更",
  ],
  core: [
    ["content", "requestDate"],
    ["changeId", "requestDate"],
    ["changeId", "approvalDate"],
    ["content", "approvalDate"],
  ],
  coreDates: ["requestDate", "reviewDate", "approvalDate"],
  sheetHint: { re: /变更/, rank: 0 },
  dateOrder: [
    ["requestDate", "reviewDate"],
    ["reviewDate", "approvalDate"],
    ["requestDate", "approvalDate"],
  ],
  actualFields: ["requestDate", "reviewDate", "approvalDate"],
  fields: [
    {
      field: "changeId",
      type: "text",
      headers: ["变更编号", "变更单号", "变更申请编号", "申请编号", "编号", "序号", "Change ID"],
      weak: ["申请编号", "编号", "序号"],
    },
    { field: "contractNo", type: "text", ...V.contractNo },
    {
      field: "task",
      type: "text",
      headers: ["涉及任务", "变更任务", "关联任务", "受影响任务", "影响任务", "Task"],
    },
    {
      field: "content",
      type: "text",
      required: true,
      headers: ["变更内容", "变更事项", "变更描述", "变更说明", "变更原因", "变更项目", "Change"],
    },
    {
      field: "requestDate",
      type: "date",
      required: true,
      headers: ["申请日期", "变更申请日期", "申请时间", "提交日期", "Requested"],
    },
    { field: "requester", type: "text", headers: ["申请人", "提出人", "申请部门", "Requester"] },
    {
      field: "reviewDate",
      type: "date",
      headers: ["评审日期", "变更评审日期", "评审时间", "审核日期", "Reviewed"],
    },
    {
      field: "approvalDate",
      type: "date",
      headers: ["批准日期", "审批日期", "批准时间", "审批时间", "Approved"],
    },
    {
      field: "result",
      type: "text",
      headers: ["审批结果", "批准结果", "评审结果", "审批意见", "Decision"],
    },
    { field: "approver", type: "text", headers: ["批准人", "审批人"] },
    { field: "status", type: "text", ...V.registerStatus },
    { field: "note", type: "text", ...V.note },
  ],
};

export const KIND_DEFS: Record<Kind, KindDef> = {
  schedule,
  contracts,
  payments,
  documents,
  risks,
  issues,
  changes,
};

/** The sheet/table name each kind carries in the workbook. */
export const KIND_NAMES = Object.fromEntries(KINDS.map((k) => [k, KIND_DEFS[k].names.zh])) as Record<
  Kind,
  string
>;

/** A kind's name in the user's language: 进度计划表 / Schedule. */
export function kindName(kind: Kind, lang: "zh" | "en"): string {
  return KIND_DEFS[kind].names[lang];
}

/** Per kind, one empty field set: a table rule that runs on every table of every kind. */
export function everyKind(): Partial<Record<Kind, string[][]>> {
  return Object.fromEntries(KINDS.map((k) => [k, [[]]]));
}

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

const KIND_WORDS = new Map<string, Kind>(
  KINDS.flatMap((k) => KIND_DEFS[k].words.map((w) => [w, k] as const)),
);

/** A kind as a user names it: `schedule`, 进度计划表, 合同台账, 收款计划表 …; undefined for anything else. */
export function parseKindWord(text: string): Kind | undefined {
  return KIND_WORDS.get(text.replace(/\s/g, "").toUpperCase());
}
