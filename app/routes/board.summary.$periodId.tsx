/**
 * /board/summary/:periodId: "Sammanställning till kommunstyrelsen" for one reporting period: the
 * coordinator's covering text, the reports of the organisations that report to the board (AB Eidar
 * first), the indicators' traffic lights with charts, the collaboration in figures and where
 * initiatives are missing. Printable (no navigation on paper) and as PDF (/board/summary/:id.pdf).
 * Board members see it once a coordinator has released it (before that a friendly "not ready yet",
 * status 404); coordinators always, with the form for the covering text and the buttons that
 * release or withdraw it. Partners get 403.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BoardSummaryFigures, BoardSummaryGaps, BoardSummaryIndicators, BoardSummaryReport } from "~/components/board-summary-sections";
import { describedBy, FieldMessages } from "~/components/field";
import { PlainText } from "~/components/initiative-timeline";
import {
  loadBoardSummary,
  releaseSummary,
  requireSummaryViewer,
  saveCoveringText,
  summaryAccess,
  withdrawSummary,
} from "~/lib/board-summary.server";
import { forbidden, notFound } from "~/lib/http.server";
import { formatDateRange, formatDateTime } from "~/lib/format";
import { warmUpPdf } from "~/lib/pdf.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { boardSummaryField, COVERING_TEXT_MAX, parseBoardSummary, type BoardSummaryErrorKey } from "~/lib/schemas/board-summary";
import { formStrings } from "~/lib/schemas/form";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

const NOTICES = ["saved", "released", "withdrawn"] as const;
type Notice = (typeof NOTICES)[number];

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const title = loaded?.kind === "summary" ? format(t.boardSummary.titleOf, { period: loaded.period.name }) : t.boardSummary.title;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireSummaryViewer(request, context);
  const supabase = getSupabase(request, context);
  const access = await summaryAccess(supabase, viewer, params.periodId ?? "");
  if (!access.ok && access.reason === "notFound") notFound();
  if (!access.ok) return data({ kind: "notReleased" as const, period: { id: access.period.id, name: access.period.name } }, { status: 404 });
  // The page offers the PDF: have Chromium ready by the time it is asked for.
  warmUpPdf();
  const page = await loadBoardSummary(supabase, access.period, access.covering);
  const noticeParam = new URL(request.url).searchParams.get("notice");
  const notice = viewer.isCoordinator && (NOTICES as readonly string[]).includes(noticeParam ?? "") ? (noticeParam as Notice) : null;
  return {
    kind: "summary" as const,
    ...page,
    isCoordinator: viewer.isCoordinator,
    // /initiatives/reach is for partners and coordinators.
    reachLink: viewer.isCoordinator || viewer.user.memberships.length > 0,
    notice,
    printedAt: new Date().toISOString(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireSummaryViewer(request, context);
  if (!viewer.isCoordinator) forbidden();
  const supabase = getSupabase(request, context);
  const access = await summaryAccess(supabase, viewer, params.periodId ?? "");
  if (!access.ok) notFound();
  const values = formStrings(await request.formData());
  // "Spara" always sends the text field (empty to remove the text): without it the post would wipe
  // the covering text without anyone having seen it.
  if (values[boardSummaryField.intent] === "save" && !(boardSummaryField.coveringText in values)) {
    return data({ errors: { [boardSummaryField.intent]: "intentUnknown" } as Partial<Record<string, BoardSummaryErrorKey>>, coveringText: "", length: 0 }, { status: 400 });
  }
  const parsed = parseBoardSummary(values);
  if (!parsed.success) {
    const typed = values[boardSummaryField.coveringText] ?? "";
    return data(
      { errors: parsed.errors as Partial<Record<string, BoardSummaryErrorKey>>, coveringText: typed.slice(0, COVERING_TEXT_MAX + 5000), length: typed.trim().length },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const periodId = access.period.id;
  if (input.intent === "save") await saveCoveringText(supabase, periodId, input.coveringText);
  else if (input.intent === "release") await releaseSummary(supabase, periodId);
  else await withdrawSummary(supabase, periodId);
  const notice: Notice = input.intent === "save" ? "saved" : input.intent === "release" ? "released" : "withdrawn";
  return redirect(`/board/summary/${periodId}?notice=${notice}`);
}

function NotReleased({ periodName }: { periodName: string }) {
  const { t } = useTranslation();
  const words = t.boardSummary.notReleased;
  return (
    <>
      <h1>{words.title}</h1>
      <p>{format(words.body, { period: periodName })}</p>
      <p>
        <Link to="/board">{words.back}</Link>
      </p>
    </>
  );
}

export default function BoardSummary() {
  const loaded = useLoaderData<typeof loader>();
  if (loaded.kind === "notReleased") return <NotReleased periodName={loaded.period.name} />;
  return <Summary page={loaded} />;
}

type SummaryData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "summary" }>;

function Summary({ page }: { page: SummaryData }) {
  const { t, locale } = useTranslation();
  const words = t.boardSummary;
  const { period, covering, reports, indicators, evidence, gaps } = page;
  return (
    <article className="board-summary">
      <div className="board-summary__actions">
        <p>
          <Link to="/board">{words.back}</Link>
        </p>
        <p>
          <a href={`/board/summary/${period.id}.pdf`} className="button" download>
            {words.pdf}
          </a>
        </p>
        <p>
          <Link to="/board/recommendations">{words.recommendationsLink}</Link>
        </p>
        <p className="field-hint">{words.printHint}</p>
      </div>

      <header className="board-summary__header">
        <p className="board-summary__org">{words.organisation}</p>
        <h1>
          {words.heading}
          <span className="board-summary__period">{period.name}</span>
        </h1>
        <p>{format(words.periodFacts, { period: period.name, range: formatDateRange(period.startsOn, period.endsOn, locale) })}</p>
        {covering?.releasedAt ? (
          <p className="board-summary__released">
            {covering.releasedBy && page.isCoordinator
              ? format(words.releasedBy, { date: formatDateTime(covering.releasedAt, locale), name: covering.releasedBy })
              : format(words.released, { date: formatDateTime(covering.releasedAt, locale) })}
          </p>
        ) : (
          <p className="board-summary__unreleased">{words.notReleasedMark}</p>
        )}
      </header>

      {page.isCoordinator ? <CoordinatorForms periodId={period.id} text={covering?.text ?? ""} released={Boolean(covering?.releasedAt)} notice={page.notice} /> : null}

      <section className="board-summary__section" aria-labelledby="summary-covering-heading">
        <h2 id="summary-covering-heading">{words.covering.heading}</h2>
        {covering?.text ? <PlainText text={covering.text} className="prose" /> : <p className="empty">{words.covering.empty}</p>}
      </section>

      <section className="board-summary__section" aria-labelledby="summary-reports-heading">
        <h2 id="summary-reports-heading">{words.reports.heading}</h2>
        <p>{words.reports.intro}</p>
        {reports.length === 0 ? (
          <p className="empty">{words.reports.none}</p>
        ) : (
          reports.map((report) => <BoardSummaryReport key={report.orgId} report={report} period={period} links />)
        )}
      </section>

      <BoardSummaryIndicators indicators={indicators} period={period} links />
      <BoardSummaryFigures evidence={evidence} />
      <BoardSummaryGaps gaps={gaps} period={period} links={page.reachLink} />

      <p className="board-summary__footer">{format(words.printedAt, { date: formatDateTime(page.printedAt, locale) })}</p>
    </article>
  );
}

function CoordinatorForms({ periodId, text, released, notice }: { periodId: string; text: string; released: boolean; notice: SummaryData["notice"] }) {
  const { t, locale } = useTranslation();
  const words = t.boardSummary.edit;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errorKey = actionData?.errors[boardSummaryField.coveringText] ?? actionData?.errors.intent;
  const error = errorKey
    ? format(words.errors[errorKey], { max: COVERING_TEXT_MAX.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB"), length: (actionData?.length ?? 0).toLocaleString(locale === "sv" ? "sv-SE" : "en-GB") })
    : undefined;
  const id = `field-${boardSummaryField.coveringText}`;
  const hint = `${format(words.hint, { max: COVERING_TEXT_MAX.toLocaleString(locale === "sv" ? "sv-SE" : "en-GB") })}${released ? ` ${words.releasedEditHint}` : ""}`;
  const noticeText = notice === "saved" ? words.saved : notice === "released" ? words.releasedNotice : notice === "withdrawn" ? words.withdrawnNotice : null;
  return (
    <section className="board-summary__edit" aria-labelledby="summary-edit-heading">
      <h2 id="summary-edit-heading">{words.heading}</h2>
      <p>{words.intro}</p>
      {noticeText && !actionData ? (
        <p className="form-success" role="status">
          {noticeText}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {words.errorSummary}
        </p>
      ) : null}
      <Form method="post" action={`/board/summary/${periodId}`} className="board-summary__form">
        <div className="field">
          <label htmlFor={id}>{words.label}</label>
          <FieldMessages id={id} hint={hint} error={error} />
          <textarea
            id={id}
            name={boardSummaryField.coveringText}
            rows={10}
            defaultValue={actionData?.coveringText ?? text}
            key={actionData ? "typed" : text}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            autoFocus={error ? true : undefined}
          />
        </div>
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {words.save}
        </button>
      </Form>
      <Form method="post" action={`/board/summary/${periodId}`} className="board-summary__release">
        {released ? (
          <>
            <p className="field-hint" id="summary-withdraw-hint">
              {words.withdrawHint}
            </p>
            <button type="submit" name="intent" value="withdraw" className="button" aria-describedby="summary-withdraw-hint" disabled={busy}>
              {words.withdraw}
            </button>
          </>
        ) : (
          <>
            <p className="field-hint" id="summary-release-hint">
              {words.releaseHint}
            </p>
            <button type="submit" name="intent" value="release" className="button" aria-describedby="summary-release-hint" disabled={busy}>
              {words.release}
            </button>
          </>
        )}
      </Form>
    </section>
  );
}
