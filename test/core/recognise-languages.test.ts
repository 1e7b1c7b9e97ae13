/**
 * The three tables in the languages offices keep them in, each written the way a person in that
 * office would head it: a plan (task | owner | start | end | duration), a contract ledger (number |
 * subject | party | signed | amount) and a payment list (contract | due | amount due | paid on |
 * amount paid). Invented values throughout.
 */
import { recognise } from "../../src/core/recognise";
import { d, sheet, workbook } from "../helpers/snapshot";
import { letters, only } from "../helpers/recognition";

type Lang = string;

const PLANS: Array<[Lang, string[]]> = [
  ["Italian", ["Attività", "Responsabile", "Data inizio", "Data fine", "Durata (giorni)"]],
  ["Polish", ["Zadanie", "Odpowiedzialny", "Data rozpoczęcia", "Data zakończenia", "Czas trwania"]],
  ["Czech", ["Úkol", "Odpovědná osoba", "Začátek", "Konec", "Doba trvání"]],
  ["Ukrainian", ["Завдання", "Відповідальний", "Дата початку", "Дата закінчення", "Тривалість"]],
  ["Swedish", ["Aktivitet", "Ansvarig", "Startdatum", "Slutdatum", "Varaktighet"]],
  ["Arabic", ["المهمة", "المسؤول", "تاريخ البدء", "تاريخ الانتهاء", "المدة"]],
  ["Romanian", ["Activitate", "Responsabil", "Data început", "Data sfârșit", "Durata"]],
  ["Hungarian", ["Feladat", "Felelős", "Kezdés", "Befejezés", "Időtartam"]],
  ["Greek", ["Εργασία", "Υπεύθυνος", "Ημερομηνία έναρξης", "Ημερομηνία λήξης", "Διάρκεια"]],
  ["Malay", ["Aktiviti", "Pegawai Bertanggungjawab", "Tarikh Mula", "Tarikh Tamat", "Tempoh"]],
  ["Danish", ["Opgave", "Ansvarlig", "Startdato", "Slutdato", "Varighed"]],
  ["Finnish", ["Tehtävä", "Vastuuhenkilö", "Alkupäivä", "Loppupäivä", "Kesto"]],
  ["Spanish", ["Tarea", "Responsable", "Fecha de inicio", "Fecha de fin", "Duración"]],
  ["Portuguese", ["Tarefa", "Responsável", "Data de início", "Data de término", "Duração"]],
  ["French", ["Tâche", "Responsable", "Date de début", "Date de fin", "Durée"]],
  ["German", ["Aufgabe", "Verantwortlich", "Startdatum", "Enddatum", "Dauer"]],
  ["Dutch", ["Taak", "Verantwoordelijke", "Startdatum", "Einddatum", "Duur"]],
  ["Russian", ["Задача", "Ответственный", "Дата начала", "Дата окончания", "Длительность"]],
  ["Turkish", ["Görev", "Sorumlu", "Başlangıç Tarihi", "Bitiş Tarihi", "Süre"]],
  ["Vietnamese", ["Công việc", "Người phụ trách", "Ngày bắt đầu", "Ngày kết thúc", "Số ngày"]],
  ["Indonesian", ["Kegiatan", "Penanggung Jawab", "Tanggal Mulai", "Tanggal Selesai", "Durasi"]],
  ["Thai", ["กิจกรรม", "ผู้รับผิดชอบ", "วันที่เริ่ม", "วันที่สิ้นสุด", "ระยะเวลา"]],
  ["Japanese", ["タスク名", "担当者", "開始日", "終了日", "期間"]],
  ["Korean", ["작업명", "담당자", "시작일", "종료일", "기간"]],
];

const CONTRACTS: Array<[Lang, string[]]> = [
  [
    "Italian",
    ["Numero contratto", "Oggetto del contratto", "Fornitore", "Data stipula", "Importo contratto"],
  ],
  ["Polish", ["Numer umowy", "Przedmiot umowy", "Kontrahent", "Data zawarcia", "Wartość umowy"]],
  ["Czech", ["Číslo smlouvy", "Předmět smlouvy", "Dodavatel", "Datum podpisu", "Hodnota smlouvy"]],
  ["Ukrainian", ["Номер договору", "Предмет договору", "Контрагент", "Дата укладання", "Сума договору"]],
  ["Swedish", ["Avtalsnummer", "Avtalsnamn", "Motpart", "Avtalsdatum", "Avtalsvärde"]],
  ["Arabic", ["رقم العقد", "موضوع العقد", "المورد", "تاريخ التوقيع", "قيمة العقد"]],
  ["Romanian", ["Număr contract", "Obiectul contractului", "Furnizor", "Data semnării", "Valoare contract"]],
  ["Hungarian", ["Szerződésszám", "Szerződés tárgya", "Partner", "Aláírás dátuma", "Szerződéses érték"]],
  [
    "Greek",
    ["Αριθμός σύμβασης", "Αντικείμενο σύμβασης", "Ανάδοχος", "Ημερομηνία υπογραφής", "Ποσό σύμβασης"],
  ],
  ["Malay", ["No. Kontrak", "Tajuk Kontrak", "Kontraktor", "Tarikh Kontrak", "Nilai Kontrak"]],
  ["Danish", ["Kontraktnummer", "Kontraktnavn", "Leverandør", "Kontraktdato", "Kontraktsum"]],
  ["Finnish", ["Sopimusnumero", "Sopimuksen nimi", "Toimittaja", "Allekirjoituspäivä", "Sopimuksen arvo"]],
  [
    "Spanish",
    ["Número de contrato", "Objeto del contrato", "Proveedor", "Fecha de firma", "Monto del contrato"],
  ],
  [
    "Portuguese",
    ["Número do contrato", "Objeto do contrato", "Fornecedor", "Data de assinatura", "Valor do contrato"],
  ],
];

const PAYMENTS: Array<[Lang, string[]]> = [
  ["Italian", ["Numero contratto", "Data scadenza", "Importo dovuto", "Data pagamento", "Importo pagato"]],
  ["Polish", ["Numer umowy", "Termin płatności", "Kwota do zapłaty", "Data zapłaty", "Kwota zapłacona"]],
  ["Czech", ["Číslo smlouvy", "Datum splatnosti", "Částka k úhradě", "Datum úhrady", "Uhrazená částka"]],
  ["Ukrainian", ["Номер договору", "Термін оплати", "Сума до сплати", "Дата оплати", "Сплачено"]],
  ["Swedish", ["Avtalsnummer", "Förfallodatum", "Belopp att betala", "Betalningsdatum", "Betalt belopp"]],
  [
    "Spanish",
    ["Número de contrato", "Fecha de vencimiento", "Monto a pagar", "Fecha de pago", "Monto pagado"],
  ],
  [
    "Portuguese",
    ["Número do contrato", "Data de vencimento", "Valor a pagar", "Data de pagamento", "Valor pago"],
  ],
];

const task = (i: number) => `T${i + 1}`;

describe("a plan, in each language", () => {
  test.each(PLANS)("%s", (_lang, header) => {
    const rows = [0, 1, 2].map((i) => [
      `${header[0]} ${task(i)}`,
      ["Ana", "Ben", "Chen"][i],
      d(`2026-0${3 + i}-02`),
      d(`2026-0${3 + i}-20`),
      14,
    ]);
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("schedule");
    expect(letters(t)).toMatchObject({ task: "A", owner: "B", planStart: "C", planEnd: "D", duration: "E" });
  });
});

describe("a contract ledger, in each language", () => {
  test.each(CONTRACTS)("%s", (_lang, header) => {
    const rows = [0, 1, 2].map((i) => [
      `K-2026-00${i + 1}`,
      ["Servizio", "Dostawa", "Údržba"][i],
      ["Alfa", "Beta", "Gamma"][i],
      d(`2026-0${2 + i}-1${i}`),
      [125000, 48000, 9600][i],
    ]);
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("contracts");
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      contractName: "B",
      customer: "C",
      signDate: "D",
      amount: "E",
    });
  });
});

describe("a payment list, in each language", () => {
  test.each(PAYMENTS)("%s", (_lang, header) => {
    const rows = [
      ["K-001", d("2026-02-10"), 50000, d("2026-02-12"), 50000],
      ["K-001", d("2026-03-10"), 50000, null, null],
      ["K-002", d("2026-03-20"), 9600, null, null],
    ];
    const t = only(workbook(sheet("Sheet1", [header, ...rows])));
    expect(t.kind).toBe("payments");
    expect(letters(t)).toMatchObject({
      contractNo: "A",
      dueDate: "B",
      dueAmount: "C",
      receivedDate: "D",
      receivedAmount: "E",
    });
  });
});

describe("near misses in those languages stay unrecognised", () => {
  test.each([
    [
      "an Italian timetable",
      ["Materia", "Docente", "Ora inizio", "Ora fine", "Aula"],
      ["Matematica", "Rossi", "08:00", "09:00", "A1"],
    ],
    [
      "a Polish staff list",
      ["Imię i nazwisko", "Stanowisko", "Data zatrudnienia", "Dział"],
      ["Anna Nowak", "Księgowa", d("2021-04-01"), "Finanse"],
    ],
    ["a Swedish inventory", ["Artikel", "Antal", "Pris", "Leverantör"], ["Skruv", 120, 2.5, "Beta AB"]],
  ])("%s", (_what, header, row) => {
    const { tables } = recognise(workbook(sheet("Sheet1", [header, row, row, row])));
    expect(tables).toEqual([]);
  });
});
