import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageTitle } from "~/lib/page-meta";
import { useTranslation } from "~/lib/use-translation";

/** /account/deleted: the goodbye after deleting an account (the person is signed out by now). */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.account.delete.doneTitle);

export default function AccountDeleted() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t.account.delete.doneTitle}</h1>
      <p className="form-success" role="status">
        {t.account.delete.doneBody}
      </p>
      <p>
        <Link to="/">{t.account.delete.toStart}</Link>
      </p>
    </>
  );
}
