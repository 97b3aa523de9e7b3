/**
 * /forums/new (coordinators): a new forum with its name, address (slug, suggested from the name),
 * description, visibility and optionally its first moderators by e-mail address. When every
 * moderator was added the coordinator lands on the new forum; when some address is not in the
 * portal, on the forum's settings with those addresses listed (the forum exists either way).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { describedBy, FieldFrame, FieldMessages } from "~/components/field";
import { requireRole } from "~/lib/auth.server";
import { createForum } from "~/lib/forum-admin.server";
import { sendAddedToForum } from "~/lib/forum-notifications.server";
import { forbidden } from "~/lib/http.server";
import { pageTitle } from "~/lib/page-meta";
import { formStrings, parseValues } from "~/lib/schemas/form";
import {
  FORUM_VISIBILITIES,
  newForumSchema,
  suggestSlug,
  type ForumAdminErrorKey,
  type ForumAdminFieldErrors,
} from "~/lib/schemas/forum-admin";
import { getSupabase } from "~/lib/supabase.server";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.forumAdmin.create.title);

type Field = "name" | "slug" | "description" | "visibility" | "moderators";
const FIELDS: Field[] = ["name", "slug", "description", "visibility", "moderators"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "coordinator");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, "coordinator");
  const values = formStrings(await request.formData());
  const kept = Object.fromEntries(FIELDS.map((field) => [field, (values[field] ?? "").slice(0, 5000)])) as Record<Field, string>;
  const parsed = parseValues<typeof newForumSchema, ForumAdminErrorKey>(newForumSchema, values);
  if (!parsed.success) return data({ errors: parsed.errors as ForumAdminFieldErrors<Field>, values: kept }, 400);

  const supabase = getSupabase(request, context);
  const result = await createForum(supabase, parsed.data);
  if (!result.ok) {
    if (result.field === null) forbidden();
    return data({ errors: { [result.field]: result.error } as ForumAdminFieldErrors<Field>, values: kept }, 400);
  }

  // Moderators named here were added to the forum: they hear about it like any added member.
  for (const moderator of result.moderators) {
    if (moderator.userId && moderator.newMember) {
      await sendAddedToForum({ forumId: result.forum.id, userId: moderator.userId });
    }
  }
  const unknown = result.moderators.filter((m) => m.outcome === "unknown").map((m) => m.email);
  const failed = result.moderators.filter((m) => m.outcome === "refused" || m.outcome === "failed").map((m) => m.email);
  if (unknown.length === 0 && failed.length === 0) return redirect(`/forums/${result.forum.slug}`);
  const query = new URLSearchParams({ notice: "created" });
  const added = result.moderators.filter((m) => m.outcome === "added").map((m) => m.email);
  if (added.length) query.set("added", added.join(","));
  if (unknown.length) query.set("unknown", unknown.join(","));
  if (failed.length) query.set("failed", failed.join(","));
  return redirect(`/forums/${result.forum.slug}/settings?${query.toString()}`);
}

export default function NewForum() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const words = t.forumAdmin;
  const errors: ForumAdminFieldErrors<Field> = answer?.errors ?? {};
  const values: Partial<Record<Field, string>> = answer?.values ?? {};
  const first = FIELDS.find((field) => errors[field]);
  const message = (field: Field) => (errors[field] ? words.errors[errors[field]] : undefined);

  // With JavaScript the address follows the name until the person edits it; without, the server
  // fills an empty address from the name.
  const [name, setName] = useState(values.name ?? "");
  const [slug, setSlug] = useState(values.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(values.slug));

  const field = (id: Field, hint?: string) => ({
    id: `field-${id}`,
    name: id,
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": describedBy(`field-${id}`, hint, message(id)),
    autoFocus: first === id,
  });

  return (
    <>
      <nav aria-label={words.common.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link to="/forums">{words.common.forums}</Link>
          </li>
          <li>
            <span aria-current="page">{words.create.title}</span>
          </li>
        </ol>
      </nav>
      <h1>{words.create.title}</h1>
      <p className="lead">{words.create.intro}</p>

      <Form method="post" className="form" noValidate>
        <FieldFrame id="field-name" label={words.form.name} hint={words.form.nameHint} error={message("name")}>
          <input
            {...field("name", words.form.nameHint)}
            type="text"
            autoComplete="off"
            aria-required
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(suggestSlug(event.target.value));
            }}
          />
        </FieldFrame>
        <FieldFrame id="field-slug" label={words.form.slug} hint={words.form.slugHint} error={message("slug")}>
          <input
            {...field("slug", words.form.slugHint)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            maxLength={80}
            value={slug}
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugEdited(event.target.value !== "");
            }}
          />
        </FieldFrame>
        <FieldFrame
          id="field-description"
          label={words.form.description}
          labelSuffix={words.common.optional}
          hint={words.form.descriptionHint}
          error={message("description")}
        >
          <textarea {...field("description", words.form.descriptionHint)} rows={5} defaultValue={values.description} />
        </FieldFrame>
        <VisibilityChoice error={message("visibility")} defaultValue={values.visibility ?? "open"} autoFocus={first === "visibility"} />
        <FieldFrame
          id="field-moderators"
          label={words.form.moderators}
          labelSuffix={words.common.optional}
          hint={words.form.moderatorsHint}
          error={message("moderators")}
        >
          <textarea {...field("moderators", words.form.moderatorsHint)} rows={4} spellCheck={false} defaultValue={values.moderators} />
        </FieldFrame>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {words.create.submit}
          </button>
        </div>
      </Form>
    </>
  );
}

/** The three visibilities as radio buttons, each with what it means. */
function VisibilityChoice({ error, defaultValue, autoFocus }: { error?: string | undefined; defaultValue: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const words = t.forumAdmin;
  const id = "field-visibility";
  return (
    <fieldset className="field radio-group" id={id} aria-describedby={describedBy(id, undefined, error)}>
      <legend>{words.form.visibility}</legend>
      <FieldMessages id={id} error={error} />
      {FORUM_VISIBILITIES.map((visibility, index) => (
        <div key={visibility} className="radio-option forum-visibility-option">
          <input
            type="radio"
            id={`${id}-${visibility}`}
            name="visibility"
            value={visibility}
            defaultChecked={defaultValue === visibility}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-${visibility}-help`}
            autoFocus={autoFocus && index === 0}
          />
          <div>
            <label htmlFor={`${id}-${visibility}`}>
              <strong>{words.common.visibility[visibility]}</strong>
            </label>
            <span id={`${id}-${visibility}-help`} className="cell-detail">
              {words.form.visibilityHelp[visibility]}
            </span>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
