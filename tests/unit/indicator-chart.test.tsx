/**
 * The indicator chart and table (app/components/indicator-chart.tsx) rendered to a string: an image
 * with a title and a description; one point per period with a value at the right height, labelled in
 * the language's number format; a missing value breaks the line and is labelled; target and
 * baseline as labelled dashed lines (or none); one period, many periods, negative and zero values.
 * The table has the same figures.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IndicatorChart, IndicatorTable, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, linePath, niceScale, xOf, yOf } from "../../app/components/indicator-chart.tsx";
import { IndicatorStatusBadge } from "../../app/components/indicator-status-badge.tsx";
import type { IndicatorSeries } from "../../app/lib/indicator-status";
import { registerAllMessages } from "../../app/lib/messages.server";

// What app/entry.server.tsx does: the components read their words from the registry.
registerAllMessages();

function makeSeries(values: (number | null)[], overrides: Partial<IndicatorSeries> = {}): IndicatorSeries {
  return {
    indicatorId: "dddddddd-0000-4000-8000-000000000001",
    code: "SYS-01",
    name: "Förvärvsarbetande invånare 20–64 år",
    unit: "%",
    direction: "increase",
    target: 78,
    baseline: 74.5,
    baselineYear: 2024,
    points: values.map((value, index) => ({
      periodId: `period-${index}`,
      periodName: `Halvår ${index + 1}`,
      startsOn: `${2020 + index}-01-01`,
      endsOn: `${2020 + index}-06-30`,
      value,
      reportCount: value === null ? 0 : 2,
    })),
    ...overrides,
  };
}

const decode = (text: string) => text.replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

function render(series: IndicatorSeries, locale: "sv" | "en" = "sv") {
  const html = renderToStaticMarkup(<IndicatorChart series={series} locale={locale} id="chart" />);
  const periods = [...html.matchAll(/<g class="(indicator-chart__period[^"]*)" data-period="([^"]*)" data-value="([^"]*)">(.*?)<\/g>/g)].map((match) => {
    const body = match[4]!;
    const circle = /<circle class="indicator-chart__point" cx="([\d.-]+)" cy="([\d.-]+)"/.exec(body);
    const value = /<text class="indicator-chart__value"[^>]*>([^<]*)<\/text>/.exec(body);
    const label = /<text class="indicator-chart__label"[^>]*>([^<]*)<\/text>/.exec(body);
    return {
      missing: match[1]!.includes("--missing"),
      period: match[2],
      value: match[3] === "" ? null : Number(match[3]),
      cx: circle ? Number(circle[1]) : null,
      cy: circle ? Number(circle[2]) : null,
      valueLabel: value ? decode(value[1]!) : null,
      label: label ? decode(label[1]!) : null,
      texts: [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => decode(text[1]!)),
      slanted: body.includes("rotate(-35"),
    };
  });
  const line = /<path class="indicator-chart__line" d="([^"]*)"/.exec(html)?.[1] ?? null;
  const reference = (kind: "target" | "baseline") => {
    const match = new RegExp(`<g class="indicator-chart__${kind}" data-value="([^"]*)"><line[^>]* y1="([\\d.-]+)"[^>]*></line><text[^>]*>([^<]*)</text>`).exec(html);
    return match ? { value: Number(match[1]), y: Number(match[2]), label: decode(match[3]!) } : null;
  };
  const lo = Number(/data-lo="([^"]*)"/.exec(html)![1]);
  const hi = Number(/data-hi="([^"]*)"/.exec(html)![1]);
  const ticks = [...html.matchAll(/data-tick="([^"]*)"><line[^>]*><\/line><text[^>]*>([^<]*)<\/text>/g)].map((match) => ({ value: Number(match[1]), label: decode(match[2]!) }));
  return { html, periods, line, target: reference("target"), baseline: reference("baseline"), lo, hi, ticks };
}

describe("niceScale", () => {
  it("covers the values with round steps", () => {
    expect(niceScale([74.5, 78, 76.3])).toEqual({ lo: 74, hi: 78, step: 1, ticks: [74, 75, 76, 77, 78] });
    expect(niceScale([75, 76.5])).toEqual({ lo: 75, hi: 76.5, step: 0.5, ticks: [75, 75.5, 76, 76.5] });
    expect(niceScale([0.1, 0.7])).toMatchObject({ lo: 0, hi: 0.8, step: 0.2 });
    expect(niceScale([0, 10])).toEqual({ lo: 0, hi: 10, step: 2.5, ticks: [0, 2.5, 5, 7.5, 10] });
    expect(niceScale([0, 1])).toEqual({ lo: 0, hi: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceScale([0, 4, 2])).toMatchObject({ lo: 0, hi: 4, step: 1 });
    expect(niceScale([120, 200, 38])).toMatchObject({ lo: 0, hi: 200, step: 50 });
    expect(niceScale([-12, 5])).toMatchObject({ lo: -15, hi: 5, step: 5 });
  });

  it("opens up a single value and never goes below zero for non-negative values", () => {
    expect(niceScale([0])).toMatchObject({ lo: 0, hi: 1 });
    const one = niceScale([50]);
    expect(one.lo).toBeLessThanOrEqual(45);
    expect(one.hi).toBeGreaterThanOrEqual(55);
    expect(niceScale([])).toMatchObject({ lo: 0, hi: 1 });
    const negative = niceScale([-3]);
    expect(negative.lo).toBeLessThanOrEqual(-3.3);
    expect(negative.hi).toBeGreaterThanOrEqual(-2.7);
  });
});

describe("linePath", () => {
  it("breaks the line where a value is missing", () => {
    expect(
      linePath([
        { x: 1, y: 10 },
        { x: 2, y: 20 },
        { x: 3, y: null },
        { x: 4, y: 40 },
        { x: 5, y: 50 },
      ]),
    ).toBe("M1 10 L2 20 M4 40 L5 50");
    expect(linePath([{ x: 1, y: null }])).toBe("");
  });
});

describe("IndicatorChart", () => {
  it("is an image named by its title and described by its description", () => {
    const { html } = render(makeSeries([75, 76]));
    expect(html).toMatch(/^<svg [^>]*role="img"/);
    expect(html).toContain('aria-labelledby="chart-title chart-desc"');
    expect(html).toContain('<title id="chart-title">SYS-01 Förvärvsarbetande invånare 20–64 år</title>');
    expect(html).toMatch(/<desc id="chart-desc">[^<]*2 perioder[^<]*tabellen[^<]*<\/desc>/);
    expect(html).not.toContain("style=");
    expect(html).not.toContain("<script");
  });

  it("puts each value at its height and labels it with a decimal comma", () => {
    const series = makeSeries([74.5, 76.3, 78]);
    const { periods, lo, hi, line, target, baseline, ticks } = render(series);
    expect(periods.map((period) => [period.period, period.value, period.valueLabel, period.label])).toEqual([
      ["Halvår 1", 74.5, "74,5\u00a0%", "Halvår 1"],
      ["Halvår 2", 76.3, "76,3\u00a0%", "Halvår 2"],
      ["Halvår 3", 78, "78\u00a0%", "Halvår 3"],
    ]);
    // Evenly spaced from left to right, higher values higher up (smaller y).
    expect(periods.map((period) => period.cx)).toEqual([0, 1, 2].map((index) => Math.round(xOf(index, 3) * 10) / 10));
    expect(periods[0]!.cx!).toBeGreaterThan(PLOT_LEFT);
    expect(periods[2]!.cx!).toBeLessThan(PLOT_RIGHT);
    expect(periods.map((period) => period.cy)).toEqual([74.5, 76.3, 78].map((value) => Math.round(yOf(value, { lo, hi }) * 10) / 10));
    expect(periods[0]!.cy!).toBeGreaterThan(periods[1]!.cy!);
    expect(periods[2]!.cy).toBe(PLOT_TOP);
    expect(periods[0]!.cy!).toBeLessThanOrEqual(PLOT_BOTTOM);
    expect(line).toBe(periods.map((period, index) => `${index ? "L" : "M"}${period.cx} ${period.cy}`).join(" "));
    expect(target).toEqual({ value: 78, y: PLOT_TOP, label: "Mål 78\u00a0%" });
    expect(baseline).toEqual({ value: 74.5, y: Math.round(yOf(74.5, { lo, hi }) * 10) / 10, label: "Utgångsläge 74,5\u00a0%" });
    expect(ticks.map((tick) => tick.label)).toEqual(["74", "75", "76", "77", "78"]);
    expect(render(makeSeries([75, 76.5], { target: 76.5, baseline: 75 })).ticks.map((tick) => tick.label)).toEqual(["75", "75,5", "76", "76,5"]);
  });

  it("labels a missing value and breaks the line there", () => {
    const { periods, line } = render(makeSeries([75, null, 77]));
    expect(periods[1]).toMatchObject({ missing: true, value: null, cx: null, valueLabel: null });
    expect(periods[1]!.texts).toContain("saknas");
    expect(line).toBe(`M${periods[0]!.cx} ${periods[0]!.cy} M${periods[2]!.cx} ${periods[2]!.cy}`);
  });

  it("says so when no period has a value, and still draws target and baseline", () => {
    const { html, periods, line, target } = render(makeSeries([null, null]));
    expect(line).toBeNull();
    expect(html).toContain("Inga värden rapporterade än");
    expect(periods.every((period) => period.missing && !period.texts.includes("saknas"))).toBe(true);
    expect(target?.label).toBe("Mål 78\u00a0%");
  });

  it("draws one period in the middle", () => {
    const { periods, html } = render(makeSeries([76]));
    expect(periods).toHaveLength(1);
    expect(periods[0]!.cx).toBe((PLOT_LEFT + PLOT_RIGHT) / 2);
    expect(html).toMatch(/<desc id="chart-desc">Diagram med värdet för en period/);
  });

  it("slants the labels of many periods and keeps them all", () => {
    const series = makeSeries(Array.from({ length: 12 }, (_, index) => (index === 5 ? null : 60 + index)));
    const { periods, html } = render(series);
    expect(periods).toHaveLength(12);
    expect(periods.every((period) => period.slanted)).toBe(true);
    const xs = periods.map((period) => Math.round(xOf(periods.indexOf(period), 12) * 10) / 10);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(html)![1]);
    expect(height).toBeGreaterThan(PLOT_BOTTOM + 40);
  });

  it("handles negative and zero values, without target or baseline", () => {
    const { periods, target, baseline, lo, hi, html } = render(makeSeries([-2.5, 0, 3], { unit: "antal", target: null, baseline: null }));
    expect(target).toBeNull();
    expect(baseline).toBeNull();
    expect(lo).toBeLessThanOrEqual(-2.5);
    expect(hi).toBeGreaterThanOrEqual(3);
    expect(periods.map((period) => period.valueLabel)).toEqual(["\u22122,5", "0", "3"]);
    // The zero line is drawn darker than the grid.
    expect(html).toMatch(/data-tick="0"><line[^>]*stroke="#4a4a55"/);
    expect(periods[1]!.cy!).toBeLessThan(periods[0]!.cy!);
    expect(periods[2]!.cy!).toBeLessThan(periods[1]!.cy!);
  });

  it("keeps the target and baseline labels apart when the lines are close", () => {
    const { html } = render(makeSeries([10, 200], { unit: "antal", target: 101, baseline: 100 }));
    const labelY = (kind: string) => Number(new RegExp(`indicator-chart__${kind}"[^>]*><line[^>]*></line><text[^>]* y="([\\d.]+)"`).exec(html)![1]);
    expect(Math.abs(labelY("target") - labelY("baseline"))).toBeGreaterThanOrEqual(14);
  });

  it("writes numbers in English with a decimal point", () => {
    const { periods, target } = render(makeSeries([74.5, 3100.25], { unit: "antal", target: 5000 }), "en");
    expect(periods.map((period) => period.valueLabel)).toEqual(["74.5", "3,100.25"]);
    expect(target?.label).toBe("Target 5,000");
  });
});

describe("IndicatorTable", () => {
  it("has a row per period with value, target, baseline and report count, formatted for the language", () => {
    const html = renderToStaticMarkup(<IndicatorTable series={makeSeries([74.5, null, 3100])} locale="sv" />);
    expect(html).toContain("<caption>SYS-01 Förvärvsarbetande invånare 20–64 år: värde per period</caption>");
    expect(html).toContain('<th scope="col" class="numeric">Utgångsläge 2024</th>');
    const rows = [...html.matchAll(/<tr data-period-id="([^"]*)"><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)].map((match) => [
      match[2],
      ...[...match[3]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "")),
    ]);
    expect(rows).toEqual([
      ["Halvår 1", "74,5\u00a0%", "78\u00a0%", "74,5\u00a0%", "2"],
      ["Halvår 2", "Inget värde", "78\u00a0%", "74,5\u00a0%", "0"],
      ["Halvår 3", "3\u00a0100\u00a0%", "78\u00a0%", "74,5\u00a0%", "2"],
    ]);
  });

  it("shows a dash for a missing target and baseline, and the unit in the heading", () => {
    const html = renderToStaticMarkup(<IndicatorTable series={makeSeries([4], { unit: "antal", target: null, baseline: null, baselineYear: null })} locale="en" />);
    expect(html).toContain('<th scope="col" class="numeric">Value (count)</th>');
    expect(html).toMatch(/<td class="numeric" data-value="4">4<\/td><td class="numeric">–<\/td><td class="numeric">–<\/td>/);
  });
});

describe("IndicatorStatusBadge", () => {
  it("says the status in words, the mark is decoration", () => {
    const html = renderToStaticMarkup(<IndicatorStatusBadge status="off_track" locale="sv" />);
    expect(html).toContain('class="indicator-status indicator-status--off_track"');
    expect(html).toContain('aria-hidden="true"');
    expect(html.replace(/<span class="indicator-status__mark"[^>]*>.*?<\/span>/, "").replace(/<[^>]+>/g, "").trim()).toBe("Efter");
    expect(renderToStaticMarkup(<IndicatorStatusBadge status="no_data" locale="en" />)).toContain("Cannot be judged");
  });
});
