/**
 * The board's traffic light (app/lib/indicator-status.ts), the rule the page writes out in words:
 * latest value with a value; no value or no target → cannot be judged; target reached → on track;
 * worse than the baseline → off track; at least halfway (progress ≥ 0.5) and not worse than the
 * previous period → on track; otherwise at risk. Direction-aware. Also the numbers' formatting.
 */
import { describe, expect, it } from "vitest";
import { formatIndicatorValue, formatNumber, indicatorStatus, type IndicatorSeries } from "../../app/lib/indicator-status";
import { groupSeries } from "../../app/lib/indicator-series.server";

function series(values: (number | null)[], options: Partial<Pick<IndicatorSeries, "direction" | "target" | "baseline" | "unit">> = {}) {
  return {
    unit: options.unit ?? "antal",
    direction: options.direction ?? "increase",
    target: options.target === undefined ? 100 : options.target,
    baseline: options.baseline === undefined ? 50 : options.baseline,
    points: values.map((value, index) => ({
      periodId: `p${index}`,
      periodName: `Period ${index + 1}`,
      startsOn: `202${index}-01-01`,
      endsOn: `202${index}-12-31`,
      value,
      reportCount: value === null ? 0 : 1,
    })),
  } satisfies Pick<IndicatorSeries, "direction" | "target" | "baseline" | "points" | "unit">;
}

describe("indicatorStatus", () => {
  it("cannot judge without a value or without a target", () => {
    expect(indicatorStatus(series([]))).toMatchObject({ status: "no_data", latest: null, previous: null, progress: null });
    expect(indicatorStatus(series([null, null]))).toMatchObject({ status: "no_data", latest: null });
    expect(indicatorStatus(series([60, 70], { target: null }))).toMatchObject({ status: "no_data", latest: 70, previous: 60, progress: null });
  });

  it("takes the latest period with a value and the one before it, skipping gaps", () => {
    const result = indicatorStatus(series([60, null, 80, null]));
    expect(result.latest).toBe(80);
    expect(result.previous).toBe(60);
    expect(result.latestPeriod?.periodName).toBe("Period 3");
    expect(result.progress).toBeCloseTo(0.6);
  });

  it("is on track when the target is reached, even after a worse period", () => {
    expect(indicatorStatus(series([120, 100])).status).toBe("on_track");
    expect(indicatorStatus(series([100]))).toMatchObject({ status: "on_track", progress: 1 });
  });

  it("is on track at least halfway and not worse than before; at risk when it got worse", () => {
    expect(indicatorStatus(series([70, 75])).status).toBe("on_track");
    expect(indicatorStatus(series([75])).status).toBe("on_track");
    expect(indicatorStatus(series([75, 75])).status).toBe("on_track");
    expect(indicatorStatus(series([90, 80])).status).toBe("at_risk");
  });

  it("is at risk below halfway, off track below the baseline", () => {
    expect(indicatorStatus(series([55, 60]))).toMatchObject({ status: "at_risk", progress: 0.2 });
    expect(indicatorStatus(series([50])).status).toBe("at_risk");
    expect(indicatorStatus(series([60, 49.9])).status).toBe("off_track");
  });

  it("reads 'better' as lower for indicators that should decrease", () => {
    const decrease = { direction: "decrease" as const, target: 0, baseline: 4 };
    expect(indicatorStatus(series([2, 0], decrease))).toMatchObject({ status: "on_track", progress: 1 });
    expect(indicatorStatus(series([3, 1], decrease))).toMatchObject({ status: "on_track", progress: 0.75 });
    expect(indicatorStatus(series([3, 2], decrease))).toMatchObject({ status: "on_track", progress: 0.5 });
    expect(indicatorStatus(series([1, 1.5], decrease)).status).toBe("at_risk"); // halfway but worse than before
    expect(indicatorStatus(series([3], decrease))).toMatchObject({ status: "at_risk", progress: 0.25 });
    expect(indicatorStatus(series([5], decrease)).status).toBe("off_track");
  });

  it("handles negative and zero values and targets", () => {
    expect(indicatorStatus(series([-5, -2], { target: 0, baseline: -10 }))).toMatchObject({ status: "on_track", progress: 0.8 });
    expect(indicatorStatus(series([-12], { target: 0, baseline: -10 })).status).toBe("off_track");
    expect(indicatorStatus(series([0], { target: 10, baseline: 0 })).status).toBe("at_risk");
  });

  it("without a baseline is on track only when the target is reached", () => {
    expect(indicatorStatus(series([99], { baseline: null }))).toMatchObject({ status: "at_risk", progress: null });
    expect(indicatorStatus(series([101], { baseline: null })).status).toBe("on_track");
  });

  it("treats a target equal to the baseline as reached or worse", () => {
    expect(indicatorStatus(series([50], { target: 50, baseline: 50 }))).toMatchObject({ status: "on_track", progress: null });
    expect(indicatorStatus(series([49], { target: 50, baseline: 50 })).status).toBe("off_track");
  });
});

describe("indicatorStatus and periods shorter than a year", () => {
  const halfYear = (value: number, unit: string) => ({
    unit,
    direction: "increase" as const,
    target: 2500,
    baseline: 1500,
    points: [
      { periodId: "y", periodName: "Helår 2025", startsOn: "2025-01-01", endsOn: "2025-12-31", value: 2600, reportCount: 1 },
      { periodId: "h", periodName: "Halvår 1 2026", startsOn: "2026-01-01", endsOn: "2026-06-30", value, reportCount: 1 },
    ],
  });

  it("judges a count from the latest whole year, not from half a year's count against a yearly target", () => {
    expect(indicatorStatus(halfYear(410, "antal"))).toMatchObject({ status: "on_track", latest: 2600 });
    expect(indicatorStatus({ ...halfYear(410, "antal"), points: halfYear(410, "antal").points.slice(1) })).toMatchObject({ status: "no_data", latest: null });
  });

  it("judges a share from any period", () => {
    const share = halfYear(66, "%");
    const points = [{ ...share.points[0]!, value: 63 }, share.points[1]!];
    expect(indicatorStatus({ ...share, points, target: 70, baseline: 61 })).toMatchObject({ latest: 66, previous: 63, status: "on_track" });
  });
});

describe("groupSeries", () => {
  const row = (indicator: string, period: string, startsOn: string, value: number | string | null, count = 1) => ({
    indicator_id: indicator,
    code: indicator.toUpperCase(),
    name: `Indikator ${indicator}`,
    unit: "%",
    direction: "increase" as const,
    target: "78",
    baseline: 74.5,
    baseline_year: 2024,
    period_id: period,
    period_name: `Period ${period}`,
    starts_on: startsOn,
    ends_on: startsOn,
    value,
    report_count: count,
  });

  it("groups the rows per indicator in period order, numbers as numbers, nulls as null", () => {
    const grouped = groupSeries([row("a", "2", "2026-01-01", "75.5"), row("a", "1", "2025-01-01", null, 0), row("b", "1", "2025-01-01", 3)]);
    expect(grouped).toHaveLength(2);
    expect(grouped[0]).toMatchObject({ indicatorId: "a", code: "A", target: 78, baseline: 74.5, baselineYear: 2024, unit: "%" });
    expect(grouped[0]!.points.map((point) => [point.periodId, point.value, point.reportCount])).toEqual([
      ["1", null, 0],
      ["2", 75.5, 1],
    ]);
    expect(grouped.map((one) => [one.code, indicatorStatus(one).status, indicatorStatus(one).latest, indicatorStatus(one).latestPeriod?.periodName])).toEqual([
      ["A", "at_risk", 75.5, "Period 2"],
      ["B", "off_track", 3, "Period 1"],
    ]);
  });
});

describe("formatting", () => {
  it("writes numbers as the language does", () => {
    expect(formatNumber(74.5, "sv")).toBe("74,5");
    expect(formatNumber(74.5, "en")).toBe("74.5");
    expect(formatNumber(3100, "sv")).toBe("3\u00a0100");
    expect(formatNumber(3100, "en")).toBe("3,100");
    expect(formatNumber(-2.25, "sv")).toBe("\u22122,25");
    expect(formatNumber(0, "sv")).toBe("0");
    expect(formatIndicatorValue(63.5, "%", "sv")).toBe("63,5\u00a0%");
    expect(formatIndicatorValue(63.5, "%", "en")).toBe("63.5%");
    expect(formatIndicatorValue(410, "antal", "sv")).toBe("410");
  });
});
