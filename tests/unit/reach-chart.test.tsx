/**
 * The reach chart is a pure function of its bars: one row per bar, in order, each bar as long as
 * its share of the largest, labelled with its number; a 0 is drawn as a gap labelled "0 – lucka"
 * and never as a bar. The SVG is an image with a title and a description that mention the table.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BAR_AREA, ReachChart, barWidth, type ReachChartBar } from "../../app/components/reach-chart.tsx";

const bars: ReachChartBar[] = [
  { label: "Centrum", count: 2 },
  { label: "Kronogården", count: 6 },
  { label: "Lextorp", count: 3 },
  { label: "Skoftebyn", count: 0 },
  { label: "Sjuntorp", count: 1 },
];

function render(input: readonly ReachChartBar[]) {
  const html = renderToStaticMarkup(
    <ReachChart id="chart" title="Antal insatser per område" desc="Tabellen nedanför har samma siffror." gapLabel="0 – lucka" bars={input} />,
  );
  const rows = [...html.matchAll(/<g class="(reach-chart__row[^"]*)" data-label="([^"]*)" data-count="(\d+)">(.*?)<\/g>/g)].map((match) => {
    const body = match[4]!;
    const texts = [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => text[1]);
    const bar = /<rect class="reach-chart__bar"[^>]* width="(\d+)"/.exec(body);
    return { className: match[1], label: match[2], count: Number(match[3]), texts, barWidth: bar ? Number(bar[1]) : null, gap: body.includes("reach-chart__gap") };
  });
  return { html, rows };
}

describe("ReachChart", () => {
  it("is an image named by its title and described by its description", () => {
    const { html } = render(bars);
    expect(html).toMatch(/^<svg [^>]*role="img"/);
    expect(html).toContain('aria-labelledby="chart-title chart-desc"');
    expect(html).toContain('<title id="chart-title">Antal insatser per område</title>');
    expect(html).toContain('<desc id="chart-desc">Tabellen nedanför har samma siffror.</desc>');
    expect(html).not.toContain("<script");
  });

  it("draws one row per district, in order, labelled with the district and its number", () => {
    const { rows } = render(bars);
    expect(rows.map((row) => row.label)).toEqual(bars.map((bar) => bar.label));
    expect(rows.map((row) => row.count)).toEqual(bars.map((bar) => bar.count));
    for (const [index, row] of rows.entries()) {
      const input = bars[index]!;
      expect(row.texts[0]).toBe(input.label);
      expect(row.texts[1]).toBe(input.count === 0 ? "0 – lucka" : String(input.count));
    }
  });

  it("makes each bar as long as its share of the largest, the largest filling the area", () => {
    const { rows } = render(bars);
    const widths = Object.fromEntries(rows.map((row) => [row.label, row.barWidth]));
    expect(widths["Kronogården"]).toBe(BAR_AREA);
    expect(widths["Lextorp"]).toBe(Math.round(BAR_AREA / 2));
    expect(widths["Centrum"]).toBe(Math.round(BAR_AREA / 3));
    expect(widths["Sjuntorp"]).toBe(Math.round(BAR_AREA / 6));
    // Longer bar, larger number.
    const drawn = rows.filter((row) => row.barWidth !== null);
    for (const a of drawn) for (const b of drawn) if (a.count > b.count) expect(a.barWidth!).toBeGreaterThan(b.barWidth!);
  });

  it("marks a district without initiatives as a gap, not as a bar", () => {
    const { rows } = render(bars);
    const gap = rows.find((row) => row.label === "Skoftebyn")!;
    expect(gap.gap).toBe(true);
    expect(gap.barWidth).toBeNull();
    expect(gap.className).toContain("reach-chart__row--gap");
    expect(rows.filter((row) => row.gap).map((row) => row.label)).toEqual(["Skoftebyn"]);
  });

  it("shows only gaps when nothing is counted (no division by zero)", () => {
    const { rows, html } = render(bars.map((bar) => ({ ...bar, count: 0 })));
    expect(rows.every((row) => row.gap && row.texts[1] === "0 – lucka")).toBe(true);
    expect(html).not.toContain("NaN");
    expect(barWidth(0, 0)).toBe(0);
    expect(barWidth(1, 1000)).toBe(2);
  });

  it("escapes labels as text", () => {
    const { html } = render([{ label: "<script>x</script>", count: 1 }]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
