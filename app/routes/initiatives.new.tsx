/**
 * /initiatives/new: registering an initiative (members of an active organisation; coordinators for
 * any organisation). "Spara utkast" saves what is filled in; "Publicera" also checks the required
 * fields. On success the person lands on the initiative's page.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InitiativeForm } from "~/components/initiative-form";
import { requireUser } from "~/lib/auth.server";
import { forbidden } from "~/lib/http.server";
import { canEditFor, canRegister, loadEditorOptions, saveInitiative } from "~/lib/initiative-editor.server";
import { pageTitle } from "~/lib/page-meta";
import {
  initiativeFormValues,
  parseInitiative,
  keptInitiativeValues,
  type InitiativeFieldErrors,
  type InitiativeFormState,
} from "~/lib/schemas/initiative";
import { getSupabase } from "~/lib/supabase.server";
import { newSubmissionKey, submissionKeyOf } from "~/lib/submission-key";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.initiativeForms.create.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!canRegister(user)) forbidden();
  const options = await loadEditorOptions(getSupabase(request, context), user);
  return { options, submissionKey: newSubmissionKey() };
}

type Failure = "refused" | null;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  if (!canRegister(user)) forbidden();
  const form = await request.formData();
  const publish = form.get("intent") === "publish";
  const raw = initiativeFormValues(form);
  const values = keptInitiativeValues(raw);
  const bad = (errors: InitiativeFieldErrors, failure: Failure = null) => data({ errors, values, failure }, 400);

  const parsed = parseInitiative(raw, publish);
  if (!parsed.success) return bad(parsed.errors as InitiativeFieldErrors);
  if (!canEditFor(user, parsed.data.orgId)) return bad({ orgId: "organisationNotYours" });

  const result = await saveInitiative(getSupabase(request, context), { id: null, newId: submissionKeyOf(form), data: parsed.data, publish });
  if (!result.ok) {
    if (result.reason === "invalid") return bad(result.errors);
    if (result.reason === "refused") return bad({ orgId: "organisationNotYours" });
    return bad({}, "refused");
  }
  return redirect(`/initiatives/${result.id}?done=${publish ? "published" : "saved"}`);
}

const EMPTY: InitiativeFormState = {
  orgId: "",
  title: "",
  summary: "",
  description: "",
  status: "draft",
  startsOn: "",
  endsOn: "",
  districts: [],
  targetGroups: [],
  focusAreas: [],
  participantsExpected: "",
  budget: "",
  fundingSource: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  isPublic: false,
  partners: [],
};

export default function NewInitiative() {
  const { options, submissionKey } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const words = t.initiativeForms;
  const values = answer?.values ?? { ...EMPTY, orgId: options.owners.length === 1 ? (options.owners[0]?.id ?? "") : "" };
  const partnerOptions = options.partners.filter((org) => org.id !== values.orgId || !values.orgId);
  return (
    <>
      <nav aria-label={words.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/initiatives">{words.common.catalogue}</Link>
          </li>
          <li>
            <span aria-current="page">{words.create.title}</span>
          </li>
        </ol>
      </nav>
      <h1>{words.create.title}</h1>
      <p className="lead">{words.create.intro}</p>
      <InitiativeForm
        values={values}
        errors={answer?.errors ?? {}}
        owners={options.owners}
        partnerOptions={partnerOptions}
        published={false}
        failure={answer?.failure ? words.failures[answer.failure] : null}
        submissionKey={submissionKey}
      />
    </>
  );
}
