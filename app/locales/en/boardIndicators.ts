import type { Messages } from "../sv";

/** boardIndicators: the board's indicators (/board/indicators), the indicator chart and table, the traffic lights. */
export const boardIndicators: Messages["boardIndicators"] = {
  title: "Indicators over time",
  intro:
    "How each indicator is doing: the value for all organisations together in each reporting period, compared with the target and the baseline. Only submitted and accepted reports count.",
  scopeAll: "All organisations together. Percentages are the average of the organisations' values, counts are the sum.",
  empty: "There are no indicators yet.",
  printButton: "Print",
  printHint: "The page can be printed or saved as PDF without the menu and footer.",
  summary: {
    heading: "Summary",
    caption: "The indicators in the latest period with a value",
    indicator: "Indicator",
    latest: "Latest value",
    period: "Period",
    target: "Target",
    status: "Status",
    none: "–",
  },
  rule: {
    heading: "How the status is judged",
    items: [
      "We look at the latest value that has been reported. Targets and baselines are for a whole year: shares (%) are judged from any period, counts (participants, hours, evictions) only from periods of a whole year, since half a year's count cannot be set against a yearly target.",
      "On track (green): the target is reached, or the indicator has come at least half the way from the baseline to the target and has not got worse since the previous period.",
      "At risk (amber): the indicator is better than the baseline but has not come half the way to the target, has got worse since the previous period, or has no baseline to measure from.",
      "Off track (red): the indicator is worse than the baseline.",
      "Cannot be judged (grey): no value has been reported, or the indicator has no target.",
      "“Better” means higher for indicators that should increase and lower for indicators that should decrease.",
    ],
  },
  status: {
    on_track: "On track",
    at_risk: "At risk",
    off_track: "Off track",
    no_data: "Cannot be judged",
  },
  units: { "%": "%", antal: "count", timmar: "hours", st: "pcs" },
  direction: {
    increase: "Should increase",
    decrease: "Should decrease",
  },
  indicator: {
    unit: "Unit: {unit}",
    target: "Target: {value}",
    targetNone: "No target",
    baseline: "Baseline: {value}",
    baselineYear: "Baseline ({year}): {value}",
    baselineNone: "No baseline",
  },
  chart: {
    desc: "Line chart of the value per period ({count} periods). The target is a dashed green line and the baseline a dotted grey line. The table below the chart has the same figures.",
    descOne: "Chart of the value for one period. The target is a dashed green line and the baseline a dotted grey line. The table below the chart has the same figures.",
    target: "Target {value}",
    baseline: "Baseline {value}",
    missing: "none",
    noValues: "No values reported yet",
  },
  table: {
    caption: "{name}: value per period",
    period: "Period",
    value: "Value",
    target: "Target",
    baseline: "Baseline",
    reports: "Reports with a value",
    missing: "No value",
  },
};
