import { useTranslation } from "~/lib/use-translation";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t.shell.footer.runBy}</p>
      <ul className="site-footer__links">
        <li>
          <a href="/tillganglighet">{t.shell.footer.accessibility}</a>
        </li>
        <li>
          <a href="/kontakt">{t.shell.footer.contact}</a>
        </li>
      </ul>
      <p>{t.shell.footer.contactText}</p>
    </footer>
  );
}
