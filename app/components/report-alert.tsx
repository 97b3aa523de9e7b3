/**
 * An error box on the report pages that takes the focus when it appears or when a new answer
 * arrives (`trigger`: the action's answer), so that after a save with JavaScript the person lands
 * on what went wrong instead of staying at the button far below. Without JavaScript the page is
 * new anyway and the first invalid field has `autoFocus`.
 */
import { useEffect, useRef, type ReactNode } from "react";

export function ReportAlert({ trigger, className, children }: { trigger: unknown; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [trigger]);
  return (
    <div ref={ref} className={className ? `form-error ${className}` : "form-error"} role="alert" tabIndex={-1}>
      {children}
    </div>
  );
}
