import {
  directionWords,
  isClassColumn,
  isClassHeader,
  kpiDirection,
  polarityFromClass,
  polarityFromName,
} from "../../src/model/direction";

describe("directionWords", () => {
  it("drops case, accents and punctuation", () => {
    expect(directionWords("Coûts (€) — Réclamations/Mär")).toEqual(["couts", "reclamations", "mar"]);
    expect(directionWords("Chiffre d'affaires")).toEqual(["chiffre", "d", "affaires"]);
  });
});

describe("polarityFromName: names in which less is better", () => {
  it.each([
    ["Marketing cost", "cost"],
    ["Staff Costs", "Costs"],
    ["Travel expenses", "expenses"],
    ["Capital expenditure", "expenditure"],
    ["IT spend", "spend"],
    ["Opex", "Opex"],
    ["Capex vs budget", "Capex"],
    ["Days Sales Outstanding", "Days Sales Outstanding"],
    ["DSO", "DSO"],
    ["Debtor days", "Debtor days"],
    ["Days receivable", "Days receivable"],
    ["Cost of sales", "Cost of sales"],
    ["Customer churn", "churn"],
    ["Staff attrition (%)", "attrition"],
    ["Defect rate", "Defect rate"],
    ["Defects per million", "Defects"],
    ["Customer complaints", "complaints"],
    ["Safety incidents", "incidents"],
    ["Lost-time accidents", "accidents"],
    ["Absenteeism", "Absenteeism"],
    ["Staff turnover", "turnover"],
    ["Employee turnover rate", "turnover"],
    ["Lead time (days)", "Lead time"],
    ["Cycle time", "Cycle time"],
    ["Average waiting time", "waiting time"],
    ["Error rate", "Error rate"],
    ["Billing errors", "errors"],
    ["Hospital mortality", "mortality"],
    ["Surgical site infections", "infections"],
    ["30-day readmissions", "readmissions"],
    ["Order backlog", "backlog"],
    ["Overdue invoices", "Overdue"],
    ["Machine downtime", "downtime"],
    ["Scrap", "Scrap"],
    ["Food waste", "waste"],
    ["CO2 emissions", "CO2"],
    ["Resolution time", "Resolution time"],
    ["Cancelled operations (%)", "Cancelled"],
    ["Delayed discharges", "Delayed"],
    ["Late payments", "Late"],
    ["Overtime hours", "Overtime"],
    ["Unplanned outages", "outages"],
    ["Customer acquisition cost (CAC)", "cost"],
    ["No conformidades", "No conformidades"],
    ["Non-conformités", "Non-conformités"],
    ["Krankheitstage", "Krankheitstage"],
    ["Tempo di risposta", "Tempo di risposta"],
    ["Overuren", "Overuren"],
    ["Ongevallen met verzuim", "Ongevallen"],
    // Spanish
    ["Costo de personal", "Costo"],
    ["Coste energético", "Coste"],
    ["Gastos generales", "Gastos"],
    ["Reclamaciones de clientes", "Reclamaciones"],
    ["Absentismo laboral", "Absentismo"],
    ["Rotación de personal", "Rotación"],
    ["Rotação de pessoal", "Rotação"],
    ["Tiempo de espera", "Tiempo de espera"],
    // Portuguese
    ["Custo por contratação", "Custo"],
    ["Despesas administrativas", "Despesas"],
    ["Reclamações", "Reclamações"],
    ["Absenteísmo", "Absenteísmo"],
    ["Taxa de infecções hospitalares", "infecções"],
    // French
    ["Coût de revient", "Coût"],
    ["Dépenses marketing", "Dépenses"],
    ["Réclamations clients", "Réclamations"],
    ["Taux d'absentéisme", "absentéisme"],
    ["Délai de paiement clients", "Délai de paiement clients"],
    // German, compounds too
    ["Kosten", "Kosten"],
    ["Personalkosten", "Personalkosten"],
    ["Ausgaben IT", "Ausgaben"],
    ["Kundenbeschwerden", "Kundenbeschwerden"],
    ["Fehlzeiten", "Fehlzeiten"],
    ["Arbeitsunfälle", "Arbeitsunfälle"],
    ["Fehlerquote", "Fehlerquote"],
    ["Durchlaufzeit", "Durchlaufzeit"],
    // Italian
    ["Costi operativi", "Costi"],
    ["Spesa per il personale", "Spesa"],
    ["Reclami", "Reclami"],
    ["Tasso di assenteismo", "assenteismo"],
    ["Turnover del personale", "Turnover"],
    // Dutch
    ["Personeelskosten", "Personeelskosten"],
    ["kosten", "kosten"],
    ["Uitgaven", "Uitgaven"],
    ["Klachten", "Klachten"],
    ["Ziekteverzuim", "Ziekteverzuim"],
    ["Doorlooptijd", "Doorlooptijd"],
    // Time taken, in the seven languages: a processing time or a delay is better short
    ["Average processing time (days)", "processing time"],
    ["Call duration", "duration"],
    ["Durée moyenne de traitement des demandes", "Durée"],
    ["Délai moyen d'instruction", "Délai"],
    ["Temps de traitement des dossiers", "Temps de traitement"],
    ["Tiempo medio de tramitación", "Tiempo medio"],
    ["Duración de la estancia", "Duración"],
    ["Tempo médio de atendimento", "Tempo médio"],
    ["Prazo médio de pagamento", "Prazo médio"],
    ["Bearbeitungsdauer", "Bearbeitungsdauer"],
    ["Durchschnittliche Verfahrensdauer", "Verfahrensdauer"],
    ["Tempo medio di pagamento", "Tempo medio"],
    ["Durata dei procedimenti", "Durata"],
    ["Gemiddelde behandelduur", "behandelduur"],
    ["Verwerkingstijd aanvragen", "Verwerkingstijd"],
    // Emissions themselves
    ["Émissions de gaz à effet de serre", "Émissions"],
    ["Emisiones de CO2", "Emisiones"],
  ])("%s → lower (the name says %s)", (name, words) => {
    expect(polarityFromName(name)).toEqual({ polarity: "lower", because: `the name says '${words}'` });
  });

  it.each([
    // More is better
    "Revenue",
    "Sales",
    "Gross margin",
    "Net profit",
    "Other income",
    "Customer savings",
    "Ingresos",
    "Umsatz",
    "Fatturato",
    "Omzet",
    "Chiffre d'affaires",
    // Says both, or measures a gain on a cost-like thing
    "Cost savings",
    "Cost reduction",
    "Reduction in complaints",
    "Complaints resolved within 5 days",
    "Accident-free days",
    "Days without incidents",
    "Costs avoided",
    "Ahorro de costes",
    "Redução de custos",
    "Réduction des coûts",
    "Kosteneinsparung",
    "Kostensenkung",
    "Riduzione dei costi",
    "Kostenbesparing",
    "Cost to income ratio",
    "Mean time between failures",
    "Waiting time within 4 hours (%)",
    "Complaint handling within SLA",
    "Projects with costs under budget",
    "Patients waiting less than 18 weeks",
    "Tiempo de respuesta dentro del plazo",
    "Non-conformités résolues",
    // People or things inside a low- or zero-emission zone: a measure against emissions, not them
    "Nombre d'habitants vivant à l'intérieur d'une zone à faibles émissions",
    "Population living in a low emission zone",
    "Zero emission buses (%)",
    "Personas residentes en zonas de bajas emisiones",
    "Einwohner in Umweltzonen",
    "Veicoli a basse emissioni",
    "Inwoners in een milieuzone",
    // A time that says something else: full time, on time, a permanent contract
    "Part des contrats à durée indéterminée",
    "Entregas a tiempo",
    "Dipendenti a tempo pieno",
    "Taux de bénéficiaires payés dans les délais prévus",
    // UK finance: turnover alone is revenue; inventory turnover is no staff
    "Turnover",
    "Inventory turnover",
    "Rotación de inventario",
    // Nothing about direction
    "NPS",
    "Headcount",
    "",
    "   ",
  ])("%s → left alone", (name) => {
    expect(polarityFromName(name)).toBeNull();
  });

  it("matches whole words only: 'accost', 'costume', 'Costa' and 'spendthrift' say no cost", () => {
    for (const name of ["Accost rate", "Costume sales", "Costa Rica", "Spendthrift index", "Errorless"]) {
      expect(polarityFromName(name)).toBeNull();
    }
  });

  it("reads words that are also names of JavaScript's own properties as plain words", () => {
    expect(polarityFromName("Constructor costs")?.because).toBe("the name says 'costs'");
    expect(polarityFromName("toString constructor __proto__")).toBeNull();
  });

  it("reads case and accents alike", () => {
    expect(polarityFromName("COÛTS")?.polarity).toBe("lower");
    expect(polarityFromName("couts")?.polarity).toBe("lower");
    expect(polarityFromName("reclamacoes")?.polarity).toBe("lower");
  });

  it("any cost-like name that also names a saving is left alone, in either order", () => {
    const costly = ["cost", "Costs", "expenses", "complaints", "Kosten", "gastos", "defects", "DSO"];
    const gains = ["savings", "reduction", "avoided", "revenue", "Einsparung", "ahorro", "profit"];
    // Not "of": "cost of revenue" is itself a cost (cost of sales).
    const fillers = ["", "total", "monthly", "and", "per site"];
    const named: string[] = [];
    for (const c of costly)
      for (const g of gains)
        for (const f of fillers)
          for (const words of [
            [c, f, g],
            [g, f, c],
          ]) {
            const name = words.filter((w) => w !== "").join(" ");
            if (polarityFromName(name) !== null) named.push(name);
          }
    expect(named).toEqual([]);
    // …while each cost-like word alone is read as one.
    expect(costly.filter((c) => polarityFromName(`${c} total`) === null)).toEqual([]);
  });
});

describe("polarityFromName: staff leaving, voluntary or not, in each language", () => {
  it.each([
    ["Turnover voluntário", "Turnover"],
    ["Rotación voluntaria", "Rotación"],
    ["Turnover volontaire", "Turnover"],
    ["Freiwillige Fluktuation", "Fluktuation"],
    ["Turnover volontario", "Turnover"],
    ["Vrijwillig verloop", "verloop"],
  ])("%s → lower (%s)", (name, word) => {
    expect(polarityFromName(name)).toEqual({ polarity: "lower", because: `the name says '${word}'` });
  });
});

describe("polarityFromName: a direction word counts where it is the quantity the name measures", () => {
  it.each([
    ["Number of complaints", "complaints"],
    ["% of defects", "defects"],
    ["Número de reclamaciones", "reclamaciones"],
    ["Tasa media de absentismo", "absentismo"],
    ["Número total de quejas de los usuarios", "quejas"],
    ["Nombre de réclamations", "réclamations"],
    ["Taux de rotation du personnel", "rotation"],
    ["Quantidade de reclamações", "reclamações"],
    ["Anzahl der Beschwerden", "Beschwerden"],
    ["Numero di reclami", "reclami"],
    ["Aantal van de klachten", "klachten"],
    ["Toneladas de residuos", "residuos"],
    ["Gastos de personal", "Gastos"],
    ["Costs of the finance team", "Costs"],
    ["Expense claims processing", "Expense"],
  ])("%s → lower (%s)", (name, word) => {
    expect(polarityFromName(name)).toEqual({ polarity: "lower", because: `the name says '${word}'` });
  });

  it.each([
    "Tramitación de certificación de gastos",
    "Processing of expense claims",
    "Gestión de las reclamaciones",
    "Traitement des réclamations",
    "Análise das despesas",
    "Bearbeitung von Reklamationen",
    "Verwaltung der Personalkosten",
    "Gestione dei reclami",
    "Afhandeling van klachten",
    "Porcentaje de ejecución de gastos",
  ])("%s: the word is the object of a process the name measures, not its quantity → null", (name) => {
    expect(polarityFromName(name)).toBeNull();
  });
});

describe("polarityFromClass", () => {
  it.each([
    ["Cost", "lower", "a cost"],
    ["Costs", "lower", "a cost"],
    ["Expense", "lower", "a cost"],
    ["Operating expenses", "lower", "a cost"],
    ["OPEX", "lower", "a cost"],
    ["Capex", "lower", "a cost"],
    ["Spend", "lower", "a cost"],
    ["Expenditure", "lower", "a cost"],
    ["COGS", "lower", "a cost"],
    ["Gasto", "lower", "a cost"],
    ["Despesa", "lower", "a cost"],
    ["Charges", "lower", "a cost"],
    ["Aufwand", "lower", "a cost"],
    ["Personalaufwand", "lower", "a cost"],
    ["Costi", "lower", "a cost"],
    ["Lasten", "lower", "a cost"],
    ["Revenue", "higher", "revenue"],
    ["Income", "higher", "revenue"],
    ["Sales", "higher", "revenue"],
    ["Turnover", "higher", "revenue"],
    ["Profit", "higher", "revenue"],
    ["Margin", "higher", "revenue"],
    ["Ingresos", "higher", "revenue"],
    ["Receita", "higher", "revenue"],
    ["Produits", "higher", "revenue"],
    ["Umsatzerlöse", "higher", "revenue"],
    ["Ricavi", "higher", "revenue"],
    ["Baten", "higher", "revenue"],
  ])("%s → %s (%s)", (value, polarity, as) => {
    expect(polarityFromClass(value, "Account type")).toEqual({
      polarity,
      because: `its Account type cell '${value}' marks it as ${as}`,
    });
  });

  it("names the Type column when no header is given", () => {
    expect(polarityFromClass(" Expense ")?.because).toBe("its Type cell 'Expense' marks it as a cost");
  });

  it.each(["Leading", "Lagging", "Other", "", "Revenue and costs", "Financial"])("%s → null", (value) => {
    expect(polarityFromClass(value)).toBeNull();
  });
});

describe("class columns", () => {
  it.each([
    "Type",
    "Class",
    "Category",
    "Account Type",
    "Line type",
    "Nature",
    "Kind",
    "Tipo",
    "Categoría",
    "Classe",
    "Catégorie",
    "Kostenart",
    "Kategorie",
    "Soort",
    "Type (P&L)",
  ])("%s is a class header", (header) => {
    expect(isClassHeader(header)).toBe(true);
  });

  it.each(["KPI", "Actual", "Typed by", "Owner", "Site"])("%s is no class header", (header) => {
    expect(isClassHeader(header)).toBe(false);
  });

  it("is read from its content whatever its header", () => {
    expect(isClassColumn("Group", ["Revenue", "Expense", "Expense", "", "Opex"])).toBe(true);
    expect(isClassColumn("Group", ["Revenue", "North", "South", "East"])).toBe(false);
    expect(isClassColumn("Group", ["Expense"])).toBe(false);
    expect(isClassColumn("Group", [])).toBe(false);
    expect(isClassColumn("Type", ["Leading", "Expense", "Lagging", "Leading"])).toBe(true);
  });

  it("by its header only when a cell of it names a class", () => {
    expect(isClassColumn("Type", ["Leading", "Lagging"])).toBe(false);
    expect(isClassColumn("Type", [])).toBe(false);
  });
});

describe("kpiDirection: a Polarity cell wins, then the class, then the name", () => {
  const expenseCell = { header: "Type", text: "Expense", cell: "Data!B4" };

  it("infers lower from the class cell, with a note naming that cell", () => {
    const decision = kpiDirection({ kpi: "Marketing", kpiCell: "Data!A4", classCell: expenseCell });
    expect(decision.polarity).toBe("lower");
    expect(decision.source).toBe("class");
    expect(decision.issue).toEqual({
      severity: "info",
      code: "polarity-inferred",
      cell: "Data!B4",
      message:
        "Assumed lower is better for \"Marketing\": its Type cell 'Expense' marks it as a cost; write higher in a Polarity column to change it.",
    });
  });

  it("infers lower from the name, with a note naming the KPI cell and the entity", () => {
    const decision = kpiDirection({ kpi: "Debtor days", kpiCell: "Data!A7", entity: "North" });
    expect(decision.polarity).toBe("lower");
    expect(decision.source).toBe("name");
    expect(decision.because).toBe("the name says 'Debtor days'");
    expect(decision.issue?.cell).toBe("Data!A7");
    expect(decision.issue?.message).toBe(
      'Assumed lower is better for "Debtor days" of "North": the name says \'Debtor days\'; write higher in a Polarity column to change it.',
    );
  });

  it("a Polarity cell wins over the class and the name, without a note", () => {
    const decision = kpiDirection({
      kpi: "Staff costs",
      kpiCell: "Data!A4",
      classCell: expenseCell,
      polarityCell: { text: " Higher ", cell: "Data!C4" },
    });
    expect(decision).toEqual({ polarity: "higher", source: "polarity-cell", because: null, issue: null });
  });

  it("the stored definition wins over the Polarity cell", () => {
    const decision = kpiDirection({
      kpi: "Staff costs",
      kpiCell: "Data!A4",
      stored: "band",
      polarityCell: { text: "higher", cell: "Data!C4" },
    });
    expect(decision.polarity).toBe("band");
    expect(decision.source).toBe("definition");
  });

  it("a Polarity cell that is no polarity stops the KPI, as before", () => {
    const decision = kpiDirection({
      kpi: "Staff costs",
      kpiCell: "Data!A4",
      polarityCell: { text: "sideways", cell: "Data!C4" },
    });
    expect(decision.polarity).toBeNull();
    expect(decision.issue?.code).toBe("polarity-unknown");
    expect(decision.issue?.cell).toBe("Data!C4");
    const ofNorth = kpiDirection({
      kpi: "Staff costs",
      kpiCell: "Data!A4",
      entity: "North",
      polarityCell: { text: "sideways", cell: "Data!C4" },
    });
    expect(ofNorth.issue?.message).toBe(
      '"sideways" is not a polarity (use higher, lower or band) for "Staff costs" of "North"; the KPI is not scored.',
    );
  });

  it("a blank Polarity cell lets the class and the name speak", () => {
    const decision = kpiDirection({
      kpi: "Staff costs",
      kpiCell: "Data!A4",
      polarityCell: { text: "  ", cell: "Data!C4" },
    });
    expect(decision.polarity).toBe("lower");
    expect(decision.source).toBe("name");
  });

  it("the class wins over the name, and says so when they disagree", () => {
    const decision = kpiDirection({
      kpi: "Cost recharges",
      kpiCell: "Data!A9",
      classCell: { header: "Type", text: "Income", cell: "Data!B9" },
    });
    expect(decision.polarity).toBe("higher");
    expect(decision.source).toBe("class");
    expect(decision.issue?.message).toBe(
      "Assumed higher is better for \"Cost recharges\": its Type cell 'Income' marks it as revenue; write lower in a Polarity column to change it.",
    );
  });

  it("a revenue line the name agrees with needs no note", () => {
    const decision = kpiDirection({
      kpi: "Product sales",
      kpiCell: "Data!A2",
      classCell: { header: "Type", text: "Revenue", cell: "Data!B2" },
    });
    expect(decision).toEqual({
      polarity: "higher",
      source: "class",
      because: "its Type cell 'Revenue' marks it as revenue",
      issue: null,
    });
  });

  it("a class cell that names no class leaves the name to speak", () => {
    const decision = kpiDirection({
      kpi: "Complaints",
      kpiCell: "Data!A3",
      classCell: { header: "Type", text: "Lagging", cell: "Data!B3" },
    });
    expect(decision.source).toBe("name");
    expect(decision.issue?.cell).toBe("Data!A3");
  });

  it("with nothing said, higher is better and nothing is noted", () => {
    expect(kpiDirection({ kpi: "NPS", kpiCell: "Data!A2" })).toEqual({
      polarity: "higher",
      source: "default",
      because: null,
      issue: null,
    });
  });
});
