/** boardIndicators: the board's indicators (/board/indicators), the indicator chart and table, the traffic lights. */
export const boardIndicators = {
  title: "Indikatorer över tid",
  intro:
    "Hur det går för varje indikator: värdet för alla organisationer tillsammans i varje rapportperiod, jämfört med målet och utgångsläget. Bara inskickade och godkända rapporter räknas.",
  scopeAll: "Alla organisationer tillsammans. Procent är medelvärdet av organisationernas värden, antal är summan.",
  empty: "Det finns inga indikatorer än.",
  printButton: "Skriv ut",
  printHint: "Sidan går att skriva ut eller spara som PDF utan meny och sidfot.",
  summary: {
    heading: "Sammanfattning",
    caption: "Indikatorerna i senaste period med värde",
    indicator: "Indikator",
    latest: "Senaste värde",
    period: "Period",
    target: "Mål",
    status: "Läge",
    none: "–",
  },
  rule: {
    heading: "Så bedöms läget",
    items: [
      "Vi tittar på det senaste värdet som har rapporterats. Mål och utgångsläge gäller ett helt år: andelar (%) bedöms från varje period, men antal (deltagare, timmar, avhysningar) bara från perioder på ett helt år, eftersom ett halvårs antal inte kan jämföras med ett helårsmål.",
      "I fas (grön): målet är nått, eller indikatorn har kommit minst halvvägs från utgångsläget till målet och har inte blivit sämre sedan förra perioden.",
      "Risk (gul): indikatorn är bättre än utgångsläget men har inte kommit halvvägs till målet, har blivit sämre sedan förra perioden, eller saknar utgångsläge att mäta från.",
      "Efter (röd): indikatorn är sämre än utgångsläget.",
      "Kan inte bedömas (grå): inget värde har rapporterats, eller indikatorn saknar mål.",
      "”Bättre” betyder högre för indikatorer som ska öka och lägre för indikatorer som ska minska.",
    ],
  },
  status: {
    on_track: "I fas",
    at_risk: "Risk",
    off_track: "Efter",
    no_data: "Kan inte bedömas",
  },
  /** Units as the indicators store them (Swedish words), as readers see them; other units are shown as stored. */
  units: { "%": "%", antal: "antal", timmar: "timmar", st: "st" },
  direction: {
    increase: "Ska öka",
    decrease: "Ska minska",
  },
  indicator: {
    unit: "Enhet: {unit}",
    target: "Mål: {value}",
    targetNone: "Inget mål",
    baseline: "Utgångsläge: {value}",
    baselineYear: "Utgångsläge ({year}): {value}",
    baselineNone: "Inget utgångsläge",
  },
  chart: {
    desc: "Linjediagram med värdet per period ({count} perioder). Målet är en streckad grön linje och utgångsläget en prickad grå linje. Samma siffror finns i tabellen under diagrammet.",
    descOne: "Diagram med värdet för en period. Målet är en streckad grön linje och utgångsläget en prickad grå linje. Samma siffror finns i tabellen under diagrammet.",
    target: "Mål {value}",
    baseline: "Utgångsläge {value}",
    missing: "saknas",
    noValues: "Inga värden rapporterade än",
  },
  table: {
    caption: "{name}: värde per period",
    period: "Period",
    value: "Värde",
    target: "Mål",
    baseline: "Utgångsläge",
    reports: "Rapporter med värde",
    missing: "Inget värde",
  },
};
