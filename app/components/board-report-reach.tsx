/**
 * The reach of the initiatives a report covers, for the board: each initiative with its state,
 * the participants it has reached, its districts and target groups, and the participants in all.
 */
import { Link } from "@remix-run/react";
import { formatFigure } from "~/components/report-document";
import type { ReachInitiative } from "~/lib/board.server";
import { isTargetGroup } from "~/lib/initiative-vocabulary";
import { useTranslation } from "~/lib/use-translation";

export function BoardReportReach({ initiatives }: { initiatives: ReachInitiative[] }) {
  const { t, locale } = useTranslation();
  const words = t.board.report;
  const statusWords: Record<string, string> = t.initiatives.status;
  const total = initiatives.reduce((sum, initiative) => sum + (initiative.participantsReached ?? 0), 0);
  const anyFigure = initiatives.some((initiative) => initiative.participantsReached !== null);
  return (
    <section aria-labelledby="board-reach-heading" className="board-report-reach">
      <h2 id="board-reach-heading">{words.reach}</h2>
      {initiatives.length === 0 ? (
        <p className="empty">{words.noInitiatives}</p>
      ) : (
        <>
          <p>{words.reachIntro}</p>
          <div className="table-wrap">
            <table>
              <caption>{words.reachCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.initiative}</th>
                  <th scope="col">{words.initiativeStatus}</th>
                  <th scope="col" className="numeric">
                    {words.participants}
                  </th>
                  <th scope="col">{words.districts}</th>
                  <th scope="col">{words.targetGroups}</th>
                </tr>
              </thead>
              <tbody>
                {initiatives.map((initiative) => (
                  <tr key={initiative.id}>
                    <th scope="row">
                      <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
                    </th>
                    <td>{statusWords[initiative.status] ?? initiative.status}</td>
                    <td className="numeric">{initiative.participantsReached !== null ? formatFigure(initiative.participantsReached, locale) : words.none}</td>
                    <td>{initiative.districts.length > 0 ? initiative.districts.join(", ") : words.none}</td>
                    <td>
                      {initiative.targetGroups.length > 0
                        ? initiative.targetGroups.map((key) => (isTargetGroup(key) ? t.initiatives.targetGroups[key] : key)).join(", ")
                        : words.none}
                    </td>
                  </tr>
                ))}
              </tbody>
              {anyFigure && initiatives.length > 1 ? (
                <tfoot>
                  <tr>
                    <th scope="row">{words.total}</th>
                    <td />
                    <td className="numeric">{formatFigure(total, locale)}</td>
                    <td />
                    <td />
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </>
      )}
    </section>
  );
}
