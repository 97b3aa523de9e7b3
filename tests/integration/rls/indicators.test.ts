/**
 * RLS matrix for indicators (KPIs) and reporting_periods: every signed-in user reads them,
 * anonymous visitors nothing, only coordinators define them.
 */
import { INDICATOR, PERIOD, newId, rlsMatrix, serviceDelete, serviceInsert, throwawayPeriod, type Actor, type Cell, type Target } from "../../support/rls.ts";

const OTHERS: readonly Actor[] = ["anon", "board", "eidar", "association", "region"];

const indicator = (label: string, indicatorId: string): Target => ({ label, match: { id: indicatorId } });
const indicatorFixture: Target = {
  label: "an unused indicator",
  make: async () => {
    const indicatorId = newId();
    await serviceInsert("indicators", { id: indicatorId, code: `T${indicatorId.slice(0, 8).toUpperCase()}`, name: "Testindikator", unit: "st" });
    return { match: { id: indicatorId }, cleanup: () => serviceDelete("indicators", { id: indicatorId }) };
  },
};
const newIndicator = () => {
  const indicatorId = newId();
  return { id: indicatorId, code: `N${indicatorId.slice(0, 8).toUpperCase()}`, name: "Nytt nyckeltal", unit: "antal" };
};

rlsMatrix({
  table: "indicators",
  seed: INDICATOR,
  select: { anon: [], coordinator: "all", board: "all", eidar: "all", association: "all", region: "all", service: "all" },
  cells: [
    { op: "insert", actor: "coordinator", label: "a new indicator", row: newIndicator, key: ["id"], allowed: true },
    { op: "insert", actor: "service", label: "a new indicator", row: newIndicator, key: ["id"], allowed: true },
    ...OTHERS.map((actor): Cell => ({ op: "insert", actor, label: "a new indicator", row: newIndicator, key: ["id"], allowed: false })),
    { op: "update", actor: "coordinator", target: indicator("TRY-01's target", INDICATOR["TRY-01"]), patch: { target: 72 }, allowed: true },
    ...OTHERS.map((actor): Cell => ({ op: "update", actor, target: indicator("TRY-01's target", INDICATOR["TRY-01"]), patch: { target: 10 }, allowed: false })),
    { op: "delete", actor: "coordinator", target: indicatorFixture, allowed: true },
    ...OTHERS.map((actor): Cell => ({ op: "delete", actor, target: indicatorFixture, allowed: false })),
  ],
});

const period = (label: string, periodId: string): Target => ({ label, match: { id: periodId } });
const periodFixture: Target = {
  label: "an empty period",
  make: async () => {
    const periodId = await throwawayPeriod();
    return { match: { id: periodId }, cleanup: () => serviceDelete("reporting_periods", { id: periodId }) };
  },
};
const newPeriod = () => {
  const periodId = newId();
  return { id: periodId, name: `Helår ${periodId}`, starts_on: "2031-01-01", ends_on: "2031-12-31", due_on: "2032-02-28" };
};

rlsMatrix({
  table: "reporting_periods",
  seed: PERIOD,
  select: { anon: [], coordinator: "all", board: "all", eidar: "all", association: "all", region: "all", service: "all" },
  cells: [
    { op: "insert", actor: "coordinator", label: "a new period", row: newPeriod, key: ["id"], allowed: true },
    ...OTHERS.map((actor): Cell => ({ op: "insert", actor, label: "a new period", row: newPeriod, key: ["id"], allowed: false })),
    { op: "update", actor: "coordinator", target: period("Halvår 1 2026's due date", PERIOD.halvar2026), patch: { due_on: "2026-12-20" }, allowed: true },
    // a partner cannot reopen a closed period to slip a late report in
    ...OTHERS.map((actor): Cell => ({ op: "update", actor, target: period("Helår 2025 → open", PERIOD.helar2025), patch: { status: "open" }, allowed: false })),
    { op: "delete", actor: "coordinator", target: periodFixture, allowed: true },
    ...OTHERS.map((actor): Cell => ({ op: "delete", actor, target: periodFixture, allowed: false })),
  ],
});
