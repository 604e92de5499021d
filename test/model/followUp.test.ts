import { detectTables } from "../../src/model/detect";
import { followUpColumnOfHeader, followUpWordsIn, HEADER_LANGUAGES } from "../../src/model/headers";
import { followUpStatus } from "../../src/model/followUp";
import { addInitiative } from "../../src/app/definitionEdits";
import { emptyDefinition, parseDefinition } from "../../src/model/definition";
import type { CellValue } from "../../src/model/snapshot";
import { book, score, sheet, tableSheet } from "../helpers/book";

const KPIS = sheet("KPI Data", [
  ["Perspective", "Objective", "KPI", "Period", "Actual", "Target"],
  ["Financial", "Grow revenue", "Revenue", "2026-11", 90, 100],
  ["Financial", "Grow revenue", "Revenue", "2026-12", 95, 100],
  ["Customer", "Delight customers", "NPS", "2026-11", 40, 50],
  ["Customer", "Delight customers", "NPS", "2026-12", 52, 50],
]);

const read = (...sheets: ReturnType<typeof sheet>[]) => score(book(KPIS, ...sheets)).model;
const issuesOf = (model: { issues: readonly { code: string; cell: string | null; message: string }[] }) =>
  model.issues.filter((i) => /commentary|initiative|follow-up/.test(i.code));

describe("the Commentary table", () => {
  it("reads a KPI or Objective column as the KPI of that name, else the objective, as the docs name it", () => {
    const model = read(
      sheet("Notes", [
        ["Period", "KPI or Objective", "Analysis", "Action", "Action owner", "Due"],
        ["2026-12", "Revenue", "Two deals slipped.", "", "", ""],
        ["2026-12", "Delight customers", "Survey moved to spring.", "", "", ""],
        ["2026-12", "Nothing of that name", "Lost.", "", "", ""],
      ]),
    );
    expect(model.commentary?.map((c) => [c.objective, c.kpi, c.analysis, c.cell])).toEqual([
      ["Grow revenue", "Revenue", "Two deals slipped.", "Notes!B2"],
      ["Delight customers", null, "Survey moved to spring.", "Notes!B3"],
    ]);
    expect(issuesOf(model).map((i) => [i.code, i.cell])).toEqual([["commentary-unknown-item", "Notes!B4"]]);
  });

  it("shows a KPI name two objectives share under both and says so at its cell; an Objective column settles it", () => {
    const shared = sheet("KPI Data", [
      ["Perspective", "Objective", "KPI", "Period", "Actual", "Target"],
      ["Financial", "Grow revenue", "Headcount", "2026-12", 90, 100],
      ["Learning", "Keep talent", "Headcount", "2026-12", 95, 100],
    ]);
    const ambiguous = score(
      book(
        shared,
        sheet("Notes", [
          ["Period", "KPI", "Analysis"],
          ["2026-12", "headcount", "Hiring froze."],
        ]),
      ),
    ).model;
    expect(ambiguous.commentary?.map((c) => c.objective)).toEqual(["Grow revenue", "Keep talent"]);
    expect(issuesOf(ambiguous).map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        "commentary-ambiguous-kpi",
        "Notes!B2",
        '"headcount" in the Commentary table is a KPI of more than one objective (Grow revenue, Keep talent); its commentary is shown under each. Name the objective in an Objective column to keep it to one.',
      ],
    ]);
    const settled = score(
      book(
        shared,
        sheet("Notes", [
          ["Period", "Objective", "KPI", "Analysis"],
          ["2026-12", "Keep talent", "Headcount", "Two leavers."],
        ]),
      ),
    ).model;
    expect(settled.commentary?.map((c) => c.objective)).toEqual(["Keep talent"]);
    expect(issuesOf(settled)).toEqual([]);
  });

  it("is found on a sheet of its own and read row by row, an action's due date as an ISO day", () => {
    const model = read(
      sheet("Notes", [
        ["Period", "KPI", "Analysis", "Action", "Action owner", "Due"],
        ["2026-12", "Revenue", "Two deals slipped to January.", "Call both buyers", "Ann", "2026-12-20"],
        ["2026-12", "revenue ", "", "Price review", "Bob", { date: 46387 }],
      ]),
    );
    expect(model.commentary).toEqual([
      expect.objectContaining({
        period: "2026-12",
        perspective: "Financial",
        objective: "Grow revenue",
        kpi: "Revenue",
        analysis: "Two deals slipped to January.",
        action: expect.objectContaining({
          text: "Call both buyers",
          owner: "Ann",
          due: "2026-12-20",
          done: false,
        }),
        cell: "Notes!B2",
        source: "table",
      }),
      expect.objectContaining({
        kpi: "Revenue",
        analysis: "",
        action: expect.objectContaining({
          text: "Price review",
          owner: "Bob",
          due: "2026-12-31",
          cell: "Notes!D3",
        }),
      }),
    ]);
    expect(issuesOf(model)).toEqual([]);
  });

  it("reads an Excel table, an objective's commentary, a done action and a row that continues the one above", () => {
    const model = read(
      tableSheet("Review", "Commentary", [
        ["Objective", "Period", "Analysis", "Action", "Owner", "Due", "Status"],
        [
          "Delight customers",
          "Dec 2026",
          "NPS recovered.",
          "Survey churned clients",
          "Cy",
          "2026-11-30",
          "Done",
        ],
        [null, null, null, "Publish results", "Cy", "2027-01-15", "Open"],
      ]),
    );
    expect(
      model.commentary?.map((n) => [n.objective, n.kpi, n.period, n.action?.text, n.action?.done]),
    ).toEqual([
      ["Delight customers", null, "2026-12", "Survey churned clients", true],
      ["Delight customers", null, "2026-12", "Publish results", false],
    ]);
  });

  it.each<[string, CellValue[]]>([
    ["Spanish", ["Periodo", "Indicador", "Análisis", "Acción", "Responsable de la acción", "Fecha límite"]],
    ["Portuguese", ["Período", "Indicador", "Análise", "Ação", "Responsável pela ação", "Prazo"]],
    ["French", ["Période", "Indicateur", "Analyse", "Action", "Responsable de l'action", "Échéance"]],
    ["German", ["Zeitraum", "Kennzahl", "Analyse", "Maßnahme", "Maßnahmenverantwortlicher", "Fällig"]],
    ["Italian", ["Periodo", "Indicatore", "Analisi", "Azione", "Responsabile azione", "Scadenza"]],
    ["Dutch", ["Periode", "Indicator", "Analyse", "Actie", "Actiehouder", "Deadline"]],
  ])("reads its headers in %s", (_language, header) => {
    const model = read(
      sheet("Notes", [header, ["2026-12", "NPS", "Up again.", "Thank the team", "Di", "2027-01-31"]]),
    );
    expect(model.commentary?.[0]).toEqual(
      expect.objectContaining({
        kpi: "NPS",
        analysis: "Up again.",
        action: expect.objectContaining({ owner: "Di", due: "2027-01-31" }),
      }),
    );
  });

  it("says at its cell a KPI it does not know, a period and a due date it cannot read, and never fails", () => {
    const model = read(
      sheet("Notes", [
        ["Period", "KPI", "Analysis", "Action", "Due"],
        ["2026-12", "Revenu", "Typo.", "", ""],
        ["someday", "NPS", "Bad period.", "", ""],
        ["2026-12", "NPS", "Good.", "Keep going", "soon"],
      ]),
    );
    expect(issuesOf(model).map((i) => [i.code, i.cell])).toEqual([
      ["commentary-unknown-item", "Notes!B2"],
      ["commentary-period-invalid", "Notes!A3"],
      ["follow-up-not-date", "Notes!E4"],
    ]);
    expect(issuesOf(model)[2]?.message).toBe(
      'The due date of "Keep going" is not a date ("soon"); write it as a date such as 2026-12-31.',
    );
    // The action is kept, without its date.
    expect(model.commentary?.map((n) => n.action?.due ?? "none")).toEqual(["none"]);
  });

  it("shows the pane's commentary after the table's, for a KPI still in the scorecard", () => {
    const definition = {
      ...emptyDefinition(),
      commentary: [
        {
          period: "2026-12",
          perspective: "Financial",
          objective: "Grow revenue",
          kpi: "Revenue",
          analysis: "Entered in the pane.",
          actions: [{ action: "Chase", owner: "Ed", due: "2026-12-01", done: false }],
        },
        {
          period: "2026-12",
          perspective: "Gone",
          objective: "Gone",
          kpi: "Gone",
          analysis: "x",
          actions: [],
        },
      ],
    };
    const reading = score(
      book(
        KPIS,
        sheet("Notes", [
          ["KPI", "Analysis"],
          ["Revenue", "From the table."],
        ]),
      ),
      { definition },
    ).model;
    expect(reading.commentary?.map((n) => [n.source, n.analysis, n.action?.text ?? null])).toEqual([
      ["table", "From the table.", null],
      ["pane", "Entered in the pane.", null],
      ["pane", "", "Chase"],
    ]);
  });

  it("is kept by the stored definition, which refuses a due date that is no day", () => {
    const doc = (due: string) =>
      JSON.stringify({
        schemaVersion: 1,
        commentary: [
          { period: "2026-12", perspective: "P", objective: "O", kpi: "K", actions: [{ action: "A", due }] },
        ],
      });
    const ok = parseDefinition(doc("2026-12-31"));
    expect(ok.ok && ok.definition.commentary?.[0]?.actions[0]).toEqual({
      action: "A",
      owner: "",
      due: "2026-12-31",
      done: false,
    });
    const bad = parseDefinition(doc("31 Dec"));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/^commentary\[0\]\.actions\[0\]\.due: a date written 2026-12-31/);
  });
});

describe("the follow-up tables beside the scorecard on its own sheet", () => {
  it("are read below it after a blank row, and beside it after two blank columns, the scorecard left whole", () => {
    const rows: CellValue[][] = [
      ["Perspective", "Objective", "KPI", "Actual", "Target", null, null, "Objective", "Initiative", "Due"],
      ["Financial", "Grow revenue", "Revenue", 90, 100, null, null, "Grow revenue", "New CRM", "2027-01-31"],
      ["Customer", "Delight customers", "NPS", 40, 50],
      [],
      ["KPI", "Analysis", "Action", "Due"],
      ["NPS", "Survey late.", "Chase", "2027-01-15"],
    ];
    const found = detectTables(book(sheet("Board", rows)), new Set());
    expect(found.map((t) => [t.kind, t.headerRow, t.lastDataRow, t.left])).toEqual([
      ["scorecard", 1, 3, 1],
      ["initiatives", 1, 2, 8],
      ["commentary", 5, 6, 1],
    ]);
    const { model } = score(book(sheet("Board", rows)));
    expect(model.kpis.map((k) => k.name)).toEqual(["Revenue", "NPS"]);
    expect(model.commentary?.map((n) => [n.kpi, n.analysis, n.action?.due])).toEqual([
      ["NPS", "Survey late.", "2027-01-15"],
    ]);
    expect(model.initiatives?.map((i) => [i.objective, i.name])).toEqual([["Grow revenue", "New CRM"]]);
  });
});

describe("the Initiatives table", () => {
  const INITIATIVES: CellValue[][] = [
    ["Objective", "Initiative", "Owner", "Start", "Due", "% complete", "Status", "Budget", "Spend"],
    ["Grow revenue", "New CRM", "Ann", "2026-01-01", "2026-06-30", 0.4, "Red", 100000, 120000],
    ["Delight customers", "Loyalty app", "Bob", "2026-09-01", "2027-03-31", 25, "On track", "50,000", 10000],
  ];

  it("is read like the Objectives table, its % complete as a share and its budget as a number", () => {
    const model = read(sheet("Initiatives", INITIATIVES));
    expect(model.initiatives).toEqual([
      {
        perspective: "Financial",
        objective: "Grow revenue",
        name: "New CRM",
        owner: "Ann",
        start: "2026-01-01",
        due: "2026-06-30",
        complete: 0.4,
        status: "red",
        budget: 100000,
        spend: 120000,
        cell: "Initiatives!B2",
        dueCell: "Initiatives!E2",
        statusCell: "Initiatives!G2",
        spendCell: "Initiatives!I2",
      },
      expect.objectContaining({ name: "Loyalty app", complete: 0.25, status: "green", budget: 50000 }),
    ]);
    expect(issuesOf(model)).toEqual([]);
  });

  it("is never read as the scorecard table, though its Budget reads as a target elsewhere", () => {
    const found = detectTables(book(sheet("Initiatives", INITIATIVES)), new Set());
    expect(found.map((t) => t.kind)).toEqual(["initiatives"]);
  });

  it("leaves a scorecard table with an Action column a scorecard table", () => {
    const found = detectTables(
      book(
        sheet("KPIs", [
          ["KPI", "Actual", "Target", "Action"],
          ["Revenue", 1, 2, "Call"],
        ]),
      ),
      new Set(),
    );
    expect(found.map((t) => t.kind)).toEqual(["scorecard"]);
  });

  it("says at its cell an unknown objective, a % over 100, a date and a status it cannot read", () => {
    const model = read(
      sheet("Initiatives", [
        INITIATIVES[0] as CellValue[],
        ["Grow revenu", "Typo", "Ann", "", "", "", "", "", ""],
        ["Grow revenue", "Too far", "Ann", "next year", "", 150, "Purple", -5, "lots"],
      ]),
    );
    expect(issuesOf(model).map((i) => [i.code, i.cell])).toEqual([
      ["initiative-unknown-objective", "Initiatives!A2"],
      ["initiative-value-invalid", "Initiatives!G3"],
      ["follow-up-not-date", "Initiatives!D3"],
      ["initiative-value-invalid", "Initiatives!F3"],
      ["initiative-value-invalid", "Initiatives!H3"],
      ["initiative-value-invalid", "Initiatives!I3"],
    ]);
    expect(issuesOf(model)[0]?.message).toBe(
      'The initiative "Typo" names the objective "Grow revenu", which the scorecard does not have; it is not shown. Check its spelling.',
    );
    expect(issuesOf(model)[3]?.message).toBe(
      'The % complete of the initiative "Too far" is "150", not a share from 0 to 100%; it is left out.',
    );
    expect(model.initiatives?.map((i) => [i.name, i.complete, i.status, i.budget, i.spend])).toEqual([
      ["Too far", null, null, null, null],
    ]);
  });

  it("reads a % complete shown as a percentage as the share it holds: 120 % is over 100, never 1.2 %", () => {
    const model = read(
      sheet(
        "Initiatives",
        [
          INITIATIVES[0] as CellValue[],
          ["Grow revenue", "Formatted 120", "Ann", "", "", 1.2, "", "", ""],
          ["Grow revenue", "Typed 150", "Ann", "", "", "150%", "", "", ""],
          ["Grow revenue", "Formatted 45", "Ann", "", "", 0.45, "", "", ""],
          ["Grow revenue", "Typed 45", "Ann", "", "", "45%", "", "", ""],
          ["Grow revenue", "Plain 45", "Ann", "", "", 45, "", "", ""],
        ],
        { formats: [[], [null, null, null, null, null, "0%"], [], [null, null, null, null, null, "0.0%"]] },
      ),
    );
    expect(issuesOf(model).map((i) => [i.code, i.cell])).toEqual([
      ["initiative-value-invalid", "Initiatives!F2"],
      ["initiative-value-invalid", "Initiatives!F3"],
    ]);
    expect(model.initiatives?.map((i) => [i.name, i.complete])).toEqual([
      ["Formatted 120", null],
      ["Typed 150", null],
      ["Formatted 45", 0.45],
      ["Typed 45", 0.45],
      ["Plain 45", 0.45],
    ]);
  });

  it.each([
    [
      "Spanish",
      [
        "Objetivo",
        "Iniciativa",
        "Responsable",
        "Inicio",
        "Fecha límite",
        "% avance",
        "Estado",
        "Presupuesto",
        "Gasto",
      ],
    ],
    [
      "German",
      ["Ziel", "Projekt", "Verantwortlich", "Beginn", "Termin", "Fortschritt", "Ampel", "Budget", "Ausgaben"],
    ],
    [
      "Dutch",
      [
        "Doel",
        "Initiatief",
        "Eigenaar",
        "Startdatum",
        "Einddatum",
        "Voortgang",
        "Status",
        "Begroting",
        "Besteed",
      ],
    ],
  ])("reads its headers in %s", (_language, header) => {
    const model = read(
      sheet("Init", [header, ["Grow revenue", "CRM", "Ann", "2026-01-01", "2026-06-30", 0.5, "Rojo", 10, 5]]),
    );
    expect(model.initiatives?.[0]).toEqual(
      expect.objectContaining({
        name: "CRM",
        owner: "Ann",
        due: "2026-06-30",
        complete: 0.5,
        budget: 10,
        spend: 5,
      }),
    );
  });
});

describe("follow-up header words", () => {
  it("has an Analysis, Action, Due and Initiative word in each of the seven languages", () => {
    for (const language of ["English", ...HEADER_LANGUAGES] as const)
      for (const column of ["analysis", "action", "due", "initiative"] as const)
        expect([language, column, followUpWordsIn(language, column).length > 0]).toEqual([
          language,
          column,
          true,
        ]);
  });

  it("reads Budget and Start as the initiative's, KPI and Period as the scorecard's", () => {
    expect(
      ["Budget", "Start", "KPI", "Period", "Action owner", "% complete"].map(followUpColumnOfHeader),
    ).toEqual(["budget", "start", "kpi", "period", "actionOwner", "complete"]);
  });

  it("knows status words of the seven languages and says a word it does not know", () => {
    expect(["Red", "verde", "At risk", "Erledigt", "in ritardo", "Purple", ""].map(followUpStatus)).toEqual([
      "red",
      "green",
      "amber",
      "done",
      "red",
      "unknown",
      null,
    ]);
  });
});

describe("initiatives entered in the pane", () => {
  it("follow the Initiatives table's under their objective, kept by the stored definition", () => {
    const definition = addInitiative(
      { ...emptyDefinition(), initiatives: [] },
      { perspective: "Customer", objective: "Delight customers" },
      {
        name: " Loyalty app ",
        owner: "Di",
        start: null,
        due: "2027-03-31",
        complete: 0.1,
        status: "green",
        budget: 50,
        spend: null,
      },
    );
    const gone = addInitiative(
      definition,
      { perspective: "Gone", objective: "Gone" },
      {
        ...definition.initiatives![0]!,
        name: "Orphan",
      },
    );
    const { model } = score(
      book(
        KPIS,
        sheet("Initiatives", [
          ["Objective", "Initiative"],
          ["Delight customers", "Survey"],
        ]),
      ),
      { definition: gone },
    );
    expect(model.initiatives?.map((i) => [i.objective, i.name, i.cell, i.due])).toEqual([
      ["Delight customers", "Survey", "Initiatives!B2", null],
      ["Delight customers", "Loyalty app", null, "2027-03-31"],
    ]);
    const stored = parseDefinition(JSON.stringify(gone));
    expect(stored.ok && stored.definition.initiatives?.map((i) => i.name)).toEqual(["Loyalty app", "Orphan"]);
    const bad = parseDefinition(
      JSON.stringify({ ...gone, initiatives: [{ ...gone.initiatives![0]!, complete: 1.5 }] }),
    );
    expect(!bad.ok && bad.reason).toMatch(/^initiatives\[0\]\.complete: /);
  });
});
