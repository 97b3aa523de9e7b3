/**
 * One post of a thread: author, date, "redigerat" mark, the body (HTML rendered and sanitised on
 * the server) and what the reader may do with it (quote, edit, report; moderators hide/unhide).
 * A position the reader may not see renders as "Dold av moderator" in its place. Every action is a
 * plain link or form, so the page works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { describedBy, FieldMessages } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import { format } from "~/lib/i18n";
import { useTranslation } from "~/lib/use-translation";

export interface PostHiddenInfo {
  at: string;
  /** Only moderators get the reason and who hid it. */
  reason: string | null;
  byName: string | null;
}

/** A post as the page shows it. */
export type PostView =
  | { kind: "hidden"; position: number }
  | {
      kind: "post";
      position: number;
      /** null: the author deleted their account. */
      authorName: string | null;
      createdAt: string;
      editedAt: string | null;
      /** Sanitised HTML; null when the reader only gets the placeholder (the author of a hidden post). */
      html: string | null;
      hidden: PostHiddenInfo | null;
      mine: boolean;
    };

/** Links and forms the reader gets for this post (absent = not offered). */
export interface PostActions {
  quoteHref?: string | undefined;
  editHref?: string | undefined;
  reportHref?: string | undefined;
  /** Moderators: hide (with a reason) or unhide. */
  moderate?: boolean | undefined;
}

/** A form opened in place under the post (`?edit=N` / `?report=N`), with its value and error in words. */
export interface PostOpenForm {
  kind: "edit" | "report";
  value: string;
  error?: string | undefined;
  cancelHref: string;
}

export function ForumPost({
  post,
  actions = {},
  open,
  hideError,
  hideValue,
}: {
  post: PostView;
  actions?: PostActions;
  open?: PostOpenForm | undefined;
  /** The moderator's hide form came back with an error (in words). */
  hideError?: string | undefined;
  hideValue?: string | undefined;
}) {
  const { t, locale } = useTranslation();
  const words = t.threads.post;
  const n = post.position;
  const anchor = `post-${n}`;

  if (post.kind === "hidden") {
    return (
      <article id={anchor} className="forum-post forum-post--hidden" aria-labelledby={`${anchor}-label`}>
        <p id={`${anchor}-label`} className="forum-post__placeholder">
          <span className="forum-post__number">{format(words.number, { position: n })}</span> {words.hiddenPlaceholder}
        </p>
      </article>
    );
  }

  const author = post.authorName ?? t.account.deletedUser;
  const ownHidden = post.hidden && post.html === null;
  const hiddenClass = post.hidden ? " forum-post--hidden" : "";

  return (
    <article id={anchor} className={`forum-post${hiddenClass}`} aria-labelledby={`${anchor}-label`}>
      <header className="forum-post__header">
        <span id={`${anchor}-label`} className="visually-hidden">
          {format(words.label, { position: n, author })}
        </span>
        <span className="forum-post__author">{author}</span>{" "}
        <span className="forum-post__meta">
          <time dateTime={post.createdAt}>{formatDateTime(post.createdAt, locale)}</time>
          {post.editedAt ? (
            <>
              {" · "}
              <span className="forum-post__edited">
                {words.edited}{" "}
                <time dateTime={post.editedAt}>{formatDateTime(post.editedAt, locale)}</time>
              </span>
            </>
          ) : null}
          {" · "}
          <a href={`#${anchor}`} className="forum-post__number" aria-label={format(words.permalink, { position: n })}>
            {format(words.number, { position: n })}
          </a>
        </span>
      </header>

      {post.hidden ? (
        <div className="forum-post__hidden-note">
          <p>
            <strong>{words.hiddenPlaceholder}</strong>
            {ownHidden ? ` – ${words.hiddenOwn}` : null}
          </p>
          {post.hidden.reason ? <p>{format(words.hiddenReason, { reason: post.hidden.reason })}</p> : null}
          {!ownHidden ? (
            <p className="muted">
              {post.hidden.byName
                ? format(words.hiddenBy, { name: post.hidden.byName, time: formatDateTime(post.hidden.at, locale) })
                : format(words.hiddenByUnknown, { time: formatDateTime(post.hidden.at, locale) })}
            </p>
          ) : null}
        </div>
      ) : null}

      {open?.kind === "edit" ? (
        <Form method="post" className="form forum-post__form" action={`?post=${n}`}>
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="position" value={n} />
          <div className="field">
            <label htmlFor={`edit-body-${n}`}>{t.threads.edit.label}</label>
            <FieldMessages id={`edit-body-${n}`} error={open.error} />
            <textarea
              id={`edit-body-${n}`}
              name="body"
              rows={8}
              defaultValue={open.value}
              aria-invalid={open.error ? true : undefined}
              aria-describedby={describedBy(`edit-body-${n}`, undefined, open.error)}
              autoFocus
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t.threads.edit.save}
            </button>{" "}
            <Link to={open.cancelHref}>{t.threads.edit.cancel}</Link>
          </div>
        </Form>
      ) : post.html !== null ? (
        // Rendered from Markdown and sanitised on the server (app/lib/markdown.server.ts).
        <div className="forum-post__body prose" dangerouslySetInnerHTML={{ __html: post.html }} />
      ) : null}

      {actions.quoteHref || actions.editHref || actions.reportHref ? (
        <ul className="forum-post__actions">
          {actions.quoteHref ? (
            <li>
              <Link to={actions.quoteHref}>
                {words.quote}
                <span className="visually-hidden"> {format(words.actionsOf, { position: n })}</span>
              </Link>
            </li>
          ) : null}
          {actions.editHref && open?.kind !== "edit" ? (
            <li>
              <Link to={actions.editHref}>
                {words.edit}
                <span className="visually-hidden"> {format(words.actionsOf, { position: n })}</span>
              </Link>
            </li>
          ) : null}
          {actions.reportHref && open?.kind !== "report" ? (
            <li>
              <Link to={actions.reportHref}>
                {words.report}
                <span className="visually-hidden"> {format(words.actionsOf, { position: n })}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      {open?.kind === "report" ? (
        <Form method="post" className="form forum-post__form" action={`?post=${n}`}>
          <input type="hidden" name="intent" value="report" />
          <input type="hidden" name="position" value={n} />
          <div className="field">
            <label htmlFor={`report-reason-${n}`}>{t.threads.report.label}</label>
            <FieldMessages id={`report-reason-${n}`} hint={t.threads.report.hint} error={open.error} />
            <textarea
              id={`report-reason-${n}`}
              name="reason"
              rows={3}
              defaultValue={open.value}
              aria-invalid={open.error ? true : undefined}
              aria-describedby={describedBy(`report-reason-${n}`, t.threads.report.hint, open.error)}
              autoFocus
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t.threads.report.submit}
            </button>{" "}
            <Link to={open.cancelHref}>{t.threads.report.cancel}</Link>
          </div>
        </Form>
      ) : null}

      {actions.moderate ? (
        <details className="forum-moderate" open={hideError ? true : undefined}>
          <summary>
            {t.threads.moderate.summary}
            <span className="visually-hidden"> {format(words.actionsOf, { position: n })}</span>
          </summary>
          {post.hidden ? (
            <Form method="post" action={`?post=${n}`}>
              <input type="hidden" name="intent" value="unhide" />
              <input type="hidden" name="position" value={n} />
              <button type="submit" className="button button--small">
                {t.threads.moderate.unhide}
                <span className="visually-hidden"> ({format(words.actionsOf, { position: n })})</span>
              </button>
            </Form>
          ) : (
            <Form method="post" className="form" action={`?post=${n}`}>
              <input type="hidden" name="intent" value="hide" />
              <input type="hidden" name="position" value={n} />
              <div className="field">
                <label htmlFor={`hide-reason-${n}`}>{format(t.threads.moderate.hideLabel, { position: n })}</label>
                <FieldMessages id={`hide-reason-${n}`} error={hideError} />
                <input
                  id={`hide-reason-${n}`}
                  name="reason"
                  type="text"
                  defaultValue={hideValue}
                  aria-invalid={hideError ? true : undefined}
                  aria-describedby={describedBy(`hide-reason-${n}`, undefined, hideError)}
                />
              </div>
              <button type="submit" className="button button--small button--danger">
                {t.threads.moderate.hide}
              </button>
            </Form>
          )}
        </details>
      ) : null}
    </article>
  );
}
