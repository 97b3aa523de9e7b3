/**
 * /reports/:id: one follow-up report (RLS decides who reads it: the organisation's members,
 * coordinators for every non-draft report, board members for the submitted and accepted reports of
 * organisations that report to the board). Members edit it while it is a draft in an open period
 * or returned ("Spara utkast"; admins also "Skicka in"); otherwise it is a read-only document. A
 * coordinator reviews a submitted report ("Skicka tillbaka" with a comment, "Godkänn"). The page
 * ends with the report's history. Every action is a plain POST with `intent` (save, submit,
 * return, accept); a forged one gets a clear message and changes nothing.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReportAlert } from "~/components/report-alert";
import { ReportDocument, UnsavedText } from "~/components/report-document";
import { ReportEditor } from "~/components/report-editor";
import { ReportHistory } from "~/components/report-history";
import { ReportReview } from "~/components/report-review";
import { ReportFacts, ReviewComment } from "~/components/report-facts";
import type { CurrentUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { format } from "~/lib/i18n";
import { messagesFor } from "~/lib/page-meta";
import { isRepeatedSubmit, reviewReport, saveReport } from "~/lib/report-editor.server";
import { mailReportReviewed, mailReportSubmitted } from "~/lib/report-notifications.server";
import {
  formStateOf,
  getReportHeader,
  loadConflict,
  loadReportPage,
  missingItems,
  requireReportReader,
  templateOf,
  viewerOf,
  type Conflict,
  type ReportHeader,
} from "~/lib/reports.server";
import { formStrings } from "~/lib/schemas/form";
import {
  forgedFields,
  isReportIntent,
  keptReportValues,
  missingItemError,
  missingItemField,
  parseReport,
  parseReview,
  reportField,
  reportFormValues,
  type MissingItem,
  type ReportFieldErrors,
  type ReportFormState,
  type ReviewErrorKey,
} from "~/lib/schemas/report";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const t = messagesFor(matches);
  const title = loaded ? format(t.reports.page.titleOf, { period: loaded.page.report.periodName, org: loaded.page.report.orgName }) : t.reports.common.section;
  return [{ title: `${title} – ${t.shell.portalName}` }];
};

const NOTICES = ["started", "saved", "unchanged", "submitted", "returned", "accepted"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => (NOTICES as readonly (string | null)[]).includes(value);

type Failure = "notEditable" | "notAdmin" | "notCoordinator" | "notSubmitted" | "forged" | "unknownIntent" | "unknownItem" | "invalid";

type ActionAnswer =
  | {
      kind: "form";
      values: ReportFormState;
      errors: ReportFieldErrors;
      failure: Failure | null;
      incomplete: MissingItem[] | null;
      conflict: Conflict | null;
    }
  | { kind: "review"; comment: string; errors: Partial<Record<string, ReviewErrorKey>> }
  | { kind: "refused"; failure: Failure; fields: string[] };

async function loadReport(request: Request, context: LoaderFunctionArgs["context"], id: string): Promise<{ user: CurrentUser; report: ReportHeader }> {
  const user = await requireReportReader(request, context);
  const report = await getReportHeader(getSupabase(request, context), id);
  if (!report) notFound();
  return { user, report };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, report } = await loadReport(request, context, params.id ?? "");
  const supabase = getSupabase(request, context);
  const viewer = viewerOf(user, report);
  const [page, missing] = await Promise.all([
    loadReportPage(supabase, report, { withOptions: viewer.canEdit }),
    viewer.canEdit ? missingItems(supabase, report.id) : Promise.resolve([] as MissingItem[]),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  return { page, viewer, values: viewer.canEdit ? formStateOf(page) : null, missing, notice: isNotice(done) ? done : null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, report } = await loadReport(request, context, params.id ?? "");
  const supabase = getSupabase(request, context);
  const viewer = viewerOf(user, report);
  const form = await request.formData();
  const refused = (failure: Failure, status: number, fields: string[] = []) => data<ActionAnswer>({ kind: "refused", failure, fields }, status);

  // A status or workflow field in the request: not from this page's forms. Nothing is changed.
  const forged = forgedFields(form);
  if (forged.length > 0) return refused("forged", 400, forged);
  const intent = form.get("intent");
  if (!isReportIntent(intent)) return refused("unknownIntent", 400);
  const base = `/reports/${report.id}`;

  if (intent === "return" || intent === "accept") {
    if (!viewer.isCoordinator) return refused("notCoordinator", 403);
    if (report.status !== "submitted") return refused("notSubmitted", 409);
    const values = formStrings(form);
    const comment = (values[reportField.reviewComment] ?? "").slice(0, 6000);
    const parsed = parseReview(values);
    if (!parsed.success) return data<ActionAnswer>({ kind: "review", comment, errors: parsed.errors }, 400);
    const outcome = await reviewReport(supabase, report.id, parsed.data.decision, parsed.data.comment);
    if (!outcome.ok) {
      if (outcome.reason === "notFound") notFound();
      if (outcome.reason === "commentRequired") {
        return data<ActionAnswer>({ kind: "review", comment, errors: { [reportField.reviewComment]: "reviewCommentRequired" } }, 400);
      }
      return refused(outcome.reason, outcome.reason === "notCoordinator" ? 403 : 409);
    }
    await mailReportReviewed({
      reportId: report.id,
      orgId: report.orgId,
      organisation: report.orgName,
      period: report.periodName,
      decision: parsed.data.decision,
      comment: parsed.data.comment,
    });
    return redirect(`${base}?done=${parsed.data.decision}`);
  }

  // Saving or submitting: only the organisation, only while the report is editable.
  if (!viewer.isMember) return refused("notEditable", 403);
  const submit = intent === "submit";
  const formRevision = Number(form.get("revision"));
  if (submit && isRepeatedSubmit(report, user.id, formRevision)) return redirect(`${base}?done=submitted`);
  const page = await loadReportPage(supabase, report, { withOptions: true, withHistory: false });
  const template = templateOf(page);
  const raw = reportFormValues(form);
  const values = keptReportValues(raw, template);
  const answer = (status: number, extra: Partial<Extract<ActionAnswer, { kind: "form" }>>) =>
    data<ActionAnswer>({ kind: "form", values, errors: {}, failure: null, incomplete: null, conflict: null, ...extra }, status);
  if (!viewer.canEdit) return answer(403, { failure: "notEditable" });
  if (submit && !viewer.canSubmit) return answer(403, { failure: "notAdmin" });

  const parsed = parseReport(raw, template);
  if (!parsed.success) return answer(400, { errors: parsed.errors });

  const outcome = await saveReport(supabase, report.id, parsed.data, submit);
  if (outcome.ok) {
    if (outcome.status === "submitted" && submit) {
      await mailReportSubmitted({
        reportId: report.id,
        orgId: report.orgId,
        organisation: report.orgName,
        period: report.periodName,
        submittedBy: user.fullName,
        submittedAt: new Date().toISOString(),
      });
      return redirect(`${base}?done=submitted`);
    }
    return redirect(`${base}?done=${outcome.changed ? "saved" : "unchanged"}`);
  }
  // A twin request submitted it while this one waited: answer like the twin.
  if (submit) {
    const now = await getReportHeader(supabase, report.id);
    if (now && isRepeatedSubmit(now, user.id, formRevision)) return redirect(`${base}?done=submitted`);
  }
  switch (outcome.reason) {
    case "conflict": {
      const conflict = await loadConflict(supabase, page, parsed.data.revision, outcome.currentRevision);
      // The next save goes through: it is made knowing what the others saved.
      return answer(409, { values: { ...values, revision: String(outcome.currentRevision) }, conflict });
    }
    case "incomplete": {
      const errors: ReportFieldErrors = {};
      for (const missing of outcome.missing) errors[missingItemField(missing)] ??= missingItemError(missing);
      return answer(422, { errors, incomplete: outcome.missing });
    }
    case "outOfRange": {
      const indicator = page.indicators.find((candidate) => candidate.code === outcome.code);
      return indicator ? answer(400, { errors: { [reportField.value(indicator.id)]: "valueOutOfRange" } }) : answer(400, { failure: "invalid" });
    }
    case "notFound":
      notFound();
    // eslint-disable-next-line no-fallthrough -- notFound() throws
    case "notEditable":
    case "notAdmin":
      return answer(403, { failure: outcome.reason });
    case "unknownItem":
    case "invalid":
      return answer(400, { failure: outcome.reason });
  }
}

export default function ReportPage() {
  const { page, viewer, values, missing, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionAnswer | undefined;
  const { t } = useTranslation();
  const words = t.reports.page;
  const { report } = page;
  const notices: Record<Notice, string> = {
    started: words.started,
    saved: words.saved,
    unchanged: words.unchanged,
    submitted: words.submittedNotice,
    returned: words.returnedNotice,
    accepted: words.acceptedNotice,
  };
  const failureText = (failure: Failure | null, fields: string[] = []) =>
    failure ? (failure === "forged" ? format(t.reports.failures.forged, { fields: fields.join(", ") }) : t.reports.failures[failure]) : null;
  const formAnswer = answer?.kind === "form" ? answer : null;
  const reviewAnswer = answer?.kind === "review" ? answer : null;
  const readOnlyText =
    viewer.readOnly === "submitted" ? words.readOnlySubmitted : viewer.readOnly === "accepted" ? words.readOnlyAccepted : viewer.readOnly === "closed" ? words.readOnlyClosed : null;
  const title = format(words.titleOf, { period: report.periodName, org: report.orgName });

  return (
    <article className="report-page">
      <nav aria-label={t.reports.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>{viewer.boardReader ? <Link to="/board">{t.pages.board.title}</Link> : <Link to="/reports">{t.reports.common.section}</Link>}</li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>

      {notice && !answer ? (
        <p className="form-success" role="status">
          {notices[notice]}
        </p>
      ) : null}
      {answer?.kind === "refused" ? (
        <ReportAlert trigger={answer}>
          <p>{failureText(answer.failure, answer.fields)}</p>
        </ReportAlert>
      ) : null}

      <ReportFacts report={report} showPeriodStatus />

      {report.status === "returned" && viewer.canEdit ? <p className="notice">{words.returnedBanner}</p> : null}
      <ReviewComment report={report} />
      {readOnlyText ? <p className="notice">{readOnlyText}</p> : null}

      <p className="report-print-link">
        <Link to={`/reports/${report.id}/print`}>{words.print}</Link>
      </p>

      {viewer.canEdit && values ? (
        <ReportEditor
          // A new form after every save (new revision) and after a conflict (the current revision).
          key={formAnswer?.values.revision ?? values.revision}
          questions={page.questions}
          indicators={page.indicators}
          lastPeriod={page.lastPeriod}
          initiatives={page.initiatives}
          values={formAnswer?.values ?? values}
          errors={formAnswer?.errors ?? {}}
          canSubmit={viewer.canSubmit}
          missing={missing}
          incomplete={formAnswer?.incomplete ?? null}
          conflict={formAnswer?.conflict ?? null}
          failure={failureText(formAnswer?.failure ?? null)}
          trigger={formAnswer}
        />
      ) : (
        <>
          {formAnswer ? (
            <ReportAlert trigger={formAnswer}>
              <p>{failureText(formAnswer.failure)}</p>
              <UnsavedText values={formAnswer.values} questions={page.questions} indicators={page.indicators} />
            </ReportAlert>
          ) : null}
          <ReportDocument
            periodName={report.periodName}
            questions={page.questions}
            indicators={page.indicators}
            content={page.content}
            lastPeriod={page.lastPeriod}
            initiatives={page.initiatives}
          />
        </>
      )}

      {viewer.canReview ? <ReportReview comment={reviewAnswer?.comment ?? ""} errors={reviewAnswer?.errors ?? {}} trigger={reviewAnswer} /> : null}

      <ReportHistory entries={page.history} />
    </article>
  );
}
