/**
 * A report's status on the board's view, in words with a colour that only supports them
 * (Ej påbörjad, Utkast, Inskickad, Återsänd för komplettering, Godkänd), and "Försenad" beside it
 * when the last day has passed without a submitted report.
 */
import type { BoardStatus } from "~/lib/board.server";
import { useTranslation } from "~/lib/use-translation";

export function BoardStatus({ status, overdue }: { status: BoardStatus; overdue: boolean }) {
  const { t } = useTranslation();
  const words = t.board.status;
  return (
    <span className="board-status-words">
      <span className={`board-status board-status--${status}`}>{words[status]}</span>
      {overdue ? (
        <>
          {" "}
          <span className="board-status board-status--overdue">{words.overdue}</span>
        </>
      ) : null}
    </span>
  );
}
