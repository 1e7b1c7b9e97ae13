/**
 * Contract ledgers and payment lists as offices abroad keep them (Russian, German, French,
 * Japanese, Korean, Vietnamese, Indonesian, Turkish, Armenian), a repayment schedule whose one date
 * is the date money falls due, loans keyed by their number, and a contractor's job ledger that names
 * each contract by its customer and what the job is. Invented values throughout.
 */
import { checkWorkbook } from "../../src/core/check";
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

describe("contract ledgers in the languages offices keep them in", () => {
  const rows = [
    ["K-2026-001", "Поставка оборудования", "ООО Альфа", d("2026-02-03"), 1250000],
    ["K-2026-002", "Монтаж", "ООО Бета", d("2026-02-17"), 480000],
    ["K-2026-003", "Обслуживание", "АО Гамма", d("2026-03-05"), 96000],
  ];
  test.each([
    ["Russian", ["Номер договора", "Предмет договора", "Контрагент", "Дата заключения", "Сумма договора"]],
    ["German", ["Vertragsnummer", "Vertragsgegenstand", "Vertragspartner", "Vertragsdatum", "Vertragswert"]],
    ["French", ["N° de contrat", "Objet du contrat", "Titulaire", "Date de signature", "Montant du contrat"]],
    ["Japanese", ["契約番号", "契約名", "取引先", "契約締結日", "契約金額"]],
    ["Korean", ["계약번호", "계약명", "거래처", "계약일자", "계약금액"]],
    ["Vietnamese", ["Số hợp đồng", "Tên hợp đồng", "Khách hàng", "Ngày ký", "Giá trị hợp đồng"]],
    ["Indonesian", ["Nomor Kontrak", "Nama Paket", "Penyedia", "Tanggal Kontrak", "Nilai Kontrak"]],
    ["Turkish", ["Sözleşme No", "Sözleşme Adı", "Yüklenici", "Sözleşme Tarihi", "Sözleşme Bedeli"]],
    ["Armenian", ["Պայմ. Համար", "Պայմանագրի անվանում", "Գործընկեր", "Կնքման Ամսաթիվ", "Պայմանագրի գումար"]],
  ])("%s", (_lang, header) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", contractName: "B", signDate: "D", amount: "E" });
    if (_lang !== "Armenian") expect(letters(t).customer).toBe("C");
  });

  test("a Russian register of shared-construction agreements (Номер ДДУ | Дата ДДУ | Депонент)", () => {
    const t = only(
      workbook(
        sheet("Лист1", [
          ["Номер ДДУ", "Дата ДДУ", "Депонент"],
          ["ДДУ-101", d("2026-01-12"), "ООО Альфа"],
          ["ДДУ-102", d("2026-01-19"), "ООО Бета"],
          ["ДДУ-103", d("2026-02-02"), "АО Гамма"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "A", signDate: "B", customer: "C" });
  });

  test("a contract's number and its sign date alone are enough (Armenian: Կնքման Ամսաթիվ | Պայմ. Համար)", () => {
    const t = only(
      workbook(
        sheet("Sheet1", [
          ["Կնքման Ամսաթիվ", "Պայմ. Համար", "Նկարագրություն"],
          [d("2026-01-12"), "A-101", "ոսկե մատանի"],
          [d("2026-01-13"), "A-102", "ժամացույց"],
          [d("2026-01-15"), "A-103", "ապարանջան"],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ signDate: "A", contractNo: "B" });
  });
});

describe("payment lists in those languages", () => {
  const rows = [
    ["K-001", d("2026-02-10"), 150000],
    ["K-001", d("2026-03-10"), 150000],
    ["K-002", d("2026-03-20"), 98000],
  ];
  test.each([
    ["Japanese", ["契約番号", "入金日", "入金額"]],
    ["Korean", ["계약번호", "입금일", "입금액"]],
    ["Russian", ["Номер договора", "Дата оплаты", "Сумма оплаты"]],
    ["German", ["Vertragsnummer", "Zahlungsdatum", "Gezahlter Betrag"]],
    ["French", ["N° de contrat", "Date de paiement", "Montant payé"]],
    ["Spanish", ["Número de Contrato", "Fecha de Pago", "Monto Pagado"]],
    ["Portuguese", ["Nº do Contrato", "Data de Pagamento", "Valor Pago"]],
    ["Vietnamese", ["Số hợp đồng", "Ngày thanh toán", "Số tiền thanh toán"]],
    ["Indonesian", ["Nomor Kontrak", "Tanggal Pembayaran", "Jumlah Pembayaran"]],
    ["Turkish", ["Sözleşme No", "Ödeme Tarihi", "Ödenen Tutar"]],
  ])("money come in, %s", (_lang, header) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "A", receivedDate: "B", receivedAmount: "C" });
  });

  test.each([
    ["Japanese", ["契約番号", "入金予定日", "入金予定額"]],
    ["Spanish", ["Número de Contrato", "Fecha de Vencimiento", "Monto a Pagar"]],
    ["German", ["Vertragsnummer", "Fälligkeitsdatum", "Fälliger Betrag"]],
  ])("money due, %s", (_lang, header) => {
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "A", dueDate: "B", dueAmount: "C" });
  });
});

describe("a repayment schedule: one payment date beside money due and money paid", () => {
  const schedule = (dateHeader: string) =>
    workbook(
      sheet("Worksheet", [
        ["N", "Պայմանագրի համար", dateHeader, "Չվճարված գումար", "Վճարված գումար"],
        [1, "L-7", "2026-10-05", 0, 52000],
        [2, "L-7", "2026-11-05", 0, 52000],
        [3, "L-7", "2026-12-05", 52000, 0],
        [4, "L-7", "2027-01-05", 52000, 0],
      ]),
    );

  test("the date is when the money falls due, so instalments still to come are no payments made in the future", () => {
    const wb = schedule("Վճարման ամսաթիվ");
    const t = only(wb);
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "B", dueDate: "C", dueAmount: "D", receivedAmount: "E" });
    expect(letters(t).receivedDate).toBeUndefined();
    const r = checkWorkbook(wb, { asOf: "2026-11-20" });
    expect(r.findings.filter((f) => f.rule === "row.actual-in-future")).toEqual([]);
  });

  test("in English too (Contract No | Payment Date | Amount Due | Amount Paid)", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["Contract No", "Payment Date", "Amount Due", "Amount Paid"],
        ["C-1", d("2026-10-05"), 52000, 52000],
        ["C-1", d("2026-11-05"), 52000, 0],
        ["C-1", d("2026-12-05"), 52000, 0],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({
      contractNo: "A",
      dueDate: "B",
      dueAmount: "C",
      receivedAmount: "D",
    });
  });

  test("a date headed as the day money came in stays that (Contract No | Date Paid | Amount Due | Amount Paid)", () => {
    const wb = workbook(
      sheet("Sheet1", [
        ["Contract No", "Date Paid", "Amount Due", "Amount Paid"],
        ["C-1", d("2026-10-05"), 52000, 52000],
        ["C-1", d("2026-11-06"), 52000, 30000],
        ["C-2", d("2026-11-09"), 10000, 10000],
      ]),
    );
    expect(letters(only(wb))).toMatchObject({ receivedDate: "B", dueAmount: "C", receivedAmount: "D" });
  });
});

describe("loans and contractors' jobs", () => {
  test("loan repayments keyed by the loan's number (Loan_ID | Payment_Date | Amount | Status)", () => {
    const t = only(
      workbook(
        sheet("Payments", [
          ["Loan_ID", "Payment_Date", "Amount", "Status"],
          ["LN-0001", d("2026-01-15"), 1200, "On-time"],
          ["LN-0001", d("2026-02-15"), 1200, "Delayed"],
          ["LN-0002", d("2026-01-20"), 800, "On-time"],
        ]),
      ),
    );
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({ contractNo: "A", receivedDate: "B", receivedAmount: "C" });
  });

  test("a job ledger naming each contract by its customer and the job (Contract Date | Customer | Description | Project Total)", () => {
    const t = only(
      workbook(
        sheet("Open", [
          [
            "Install Date",
            "Status",
            "Contract Date",
            "Notes",
            "Customer",
            "Address",
            "Description",
            "Project Total",
            "Money Received",
          ],
          [
            d("2026-04-02"),
            "scheduled",
            d("2026-03-10"),
            null,
            "J. Smith",
            "12 Oak St",
            "60' cedar fence, 1 gate",
            4200,
            2100,
          ],
          [
            d("2026-04-09"),
            "completed",
            d("2026-03-12"),
            "paid",
            "A. Brown",
            "3 Elm Ct",
            "stain 400 sqft",
            900,
            900,
          ],
          [null, "lead", d("2026-03-20"), null, "K. Lee", "8 Pine Rd", "repair post", 350, 0],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ signDate: "C", customer: "E", contractName: "G", amount: "H" });
  });

  test("a customer, a date and an amount with nothing naming a contract stay no ledger (Customer | Date | Amount)", () => {
    const { tables } = recognise(
      workbook(
        sheet("Sheet1", [
          ["Customer", "Date", "Description", "Amount"],
          ["J. Smith", d("2026-03-10"), "fence", 4200],
          ["A. Brown", d("2026-03-12"), "stain", 900],
          ["K. Lee", d("2026-03-20"), "repair", 350],
        ]),
      ),
    );
    expect(tables).toEqual([]);
  });

  test("a purchase-order register keeps its PO as the key and reads the description as the contract's name", () => {
    const t = only(
      workbook(
        sheet("Contracts", [
          ["Item #", "PO", "Dept", "Description", "Amount", "Vendor", "Year"],
          [1, 45080001, "AG", "Audit services", 50900.5, "Jenkins LLC", 2016],
          [2, 45080002, "AG", "Change management", 59682.2, "Samson CPA", 2016],
          [3, 45080003, "PW", "Road survey", 12000, "Geo Inc", 2017],
        ]),
      ),
    );
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({ contractNo: "B", contractName: "D", amount: "E", customer: "F" });
  });
});
