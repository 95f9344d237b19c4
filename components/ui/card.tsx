import { useId } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A titled part of a page: its heading (an h2) and the `aria-labelledby` that names the part after it
 * are written once, here, so the two ids cannot drift apart. `headingId` fixes the id where a link or
 * a spec needs a known one; otherwise it is generated. `headingAside` sits on the heading's line, at
 * its end (a score, a "see all" link).
 */
type Headed = { heading?: React.ReactNode; headingId?: string; headingClassName?: string; headingAside?: React.ReactNode };

function useHeadingId(heading: React.ReactNode, headingId: string | undefined): string | undefined {
  const generated = useId();
  return heading ? (headingId ?? generated) : undefined;
}

/** The heading, alone or on one line with its aside. */
function HeadingLine({ heading, aside }: { heading: React.ReactNode; aside: React.ReactNode }) {
  if (!aside) return heading;
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
      {heading}
      {aside}
    </div>
  );
}

/** A white card; with `heading`, a section labelled by its CardTitle. */
export function Card({ className, heading, headingId, headingClassName, headingAside, children, ...props }: React.HTMLAttributes<HTMLElement> & Headed) {
  const id = useHeadingId(heading, headingId);
  return (
    <section className={cn("rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5", className)} aria-labelledby={id} {...props}>
      {id ? (
        <HeadingLine
          heading={
            <CardTitle id={id} className={headingClassName}>
              {heading}
            </CardTitle>
          }
          aside={headingAside}
        />
      ) : null}
      {children}
    </section>
  );
}

export function CardTitle({ className, ...props }: React.HTMLAttributes<HTMLHeadingElement>) {
  return <h2 className={cn("text-lg font-semibold text-stone-900", className)} {...props} />;
}

/** A part of a page without a card's frame: a section labelled by its h2. */
export function Section({ heading, headingId, headingClassName, headingAside, children, ...props }: React.HTMLAttributes<HTMLElement> & Headed) {
  const id = useHeadingId(heading, headingId);
  return (
    <section aria-labelledby={id} {...props}>
      {id ? (
        <HeadingLine
          heading={
            <h2 id={id} className={cn("text-lg font-semibold", headingClassName)}>
              {heading}
            </h2>
          }
          aside={headingAside}
        />
      ) : null}
      {children}
    </section>
  );
}

/** A number with its label, for dashboards. */
export function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <div className="text-sm text-stone-600">{label}</div>
      <div className="mt-1 text-3xl font-semibold tabular-nums text-stone-900">{value}</div>
      {hint ? <div className="mt-1 text-sm text-stone-600">{hint}</div> : null}
    </div>
  );
}
