/**
 * /initiatives/data: the open data of initiatives, documented for anyone: the download links
 * (/initiatives.csv, /initiatives.json), the licence (CC0 1.0), every field with its type and
 * meaning, and the allowed values with their Swedish (or English) words.
 */
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { format } from "~/lib/i18n";
import {
  DISTRICTS,
  FOCUS_AREAS,
  PUBLISHED_STATUSES,
  TARGET_GROUPS,
} from "~/lib/initiative-vocabulary";
import { OPEN_DATA_FIELDS, type OpenDataField } from "~/lib/initiatives.server";
import { pageTitle } from "~/lib/page-meta";
import { useTranslation } from "~/lib/use-translation";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, (t) => t.initiatives.openData.title);

export function loader() {
  return { fields: [...OPEN_DATA_FIELDS] };
}

type FieldType =
  | "uuid"
  | "text"
  | "date"
  | "timestamp"
  | "integer"
  | "list"
  | "status"
  | "url";

const FIELD_TYPES: Record<OpenDataField, FieldType> = {
  id: "uuid",
  title: "text",
  summary: "text",
  status: "status",
  starts_on: "date",
  ends_on: "date",
  districts: "list",
  target_groups: "list",
  focus_areas: "list",
  participants_expected: "integer",
  participants_reached: "integer",
  organisation_name: "text",
  organisation_id: "uuid",
  contact_name: "text",
  contact_email: "text",
  contact_phone: "text",
  updated_at: "timestamp",
  url: "url",
};

const CC0 = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv";

export default function InitiativesOpenData() {
  const { fields } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const words = t.initiatives.openData;
  const example = "/initiatives.csv?district=Kronog%C3%A5rden&group=unga";
  const allowed: Partial<Record<OpenDataField, string>> = {
    status: PUBLISHED_STATUSES.join(", "),
    districts: DISTRICTS.join(", "),
    target_groups: TARGET_GROUPS.join(", "),
    focus_areas: FOCUS_AREAS.join(", "),
  };
  const valueTable = (
    id: string,
    caption: string,
    rows: { key: string; word: string }[]
  ) => (
    <div className="table-wrap">
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.key}</th>
            <th scope="col">{words.word}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <code>{row.key}</code>
              </th>
              <td>{row.word}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <h1>{words.title}</h1>
      <p className="lead">{words.intro}</p>

      <section aria-labelledby="open-data-downloads">
        <h2 id="open-data-downloads">{words.downloadsTitle}</h2>
        <ul>
          <li>
            <a href="/initiatives.csv" download>
              {words.csv}
            </a>
          </li>
          <li>
            <a href="/initiatives.json">{words.json}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="open-data-licence">
        <h2 id="open-data-licence">{words.licenceTitle}</h2>
        <p>{words.licence}</p>
        <p>
          <a href={CC0} rel="license">
            {words.licenceLink}
          </a>
        </p>
      </section>

      <section aria-labelledby="open-data-filters">
        <h2 id="open-data-filters">{words.filtersTitle}</h2>
        <p>{format(words.filtersText, { example })}</p>
      </section>

      <section aria-labelledby="open-data-fields">
        <h2 id="open-data-fields">{words.fieldsTitle}</h2>
        <p>{words.arraysNote}</p>
        <div className="table-wrap">
          <table>
            <caption>{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.type}</th>
                <th scope="col">{words.meaning}</th>
                <th scope="col">{words.values}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">
                    <code>{field}</code>
                  </th>
                  <td>{words.types[FIELD_TYPES[field]]}</td>
                  <td>{words.fields[field]}</td>
                  <td>{allowed[field] ?? t.pages.common.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{words.jsonTitle}</h3>
        <p>{words.jsonText}</p>
      </section>

      <section aria-labelledby="open-data-values">
        <h2 id="open-data-values">{words.valuesTitle}</h2>
        {valueTable(
          "open-data-status",
          words.statusCaption,
          PUBLISHED_STATUSES.map((key) => ({
            key,
            word: t.initiatives.status[key],
          }))
        )}
        {valueTable(
          "open-data-target-groups",
          words.targetGroupsCaption,
          TARGET_GROUPS.map((key) => ({
            key,
            word: t.initiatives.targetGroups[key],
          }))
        )}
        {valueTable(
          "open-data-focus-areas",
          words.focusAreasCaption,
          FOCUS_AREAS.map((key) => ({
            key,
            word: t.initiatives.focusAreas[key],
          }))
        )}
        {valueTable(
          "open-data-districts",
          words.districtsCaption,
          DISTRICTS.map((key) => ({ key, word: key }))
        )}
      </section>

      <p>
        <Link to="/initiatives">{words.backToCatalogue}</Link>
      </p>
    </>
  );
}
