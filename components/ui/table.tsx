/**
 * The one table of the app: a scrolling frame, a caption for screen readers,
 * a header row and body rows with the house's spacing. Every hand-written
 * table is built from these pieces, so how tables look and reflow (cards on a
 * phone) is decided here once. `label` on a cell names its column for that
 * reflow (data-label); the header cells keep their scope for screen readers.
 */
import { cn } from "@/components/ui/cn";

type Align = "left" | "right" | "center";
const ALIGN: Record<Align, string> = { left: "", right: "text-right", center: "text-center" };
// A plain table's cells and header, set once on the table (they win over the cells' own spacing).
const PLAIN = "[&_td]:py-1.5 [&_td]:pr-2 [&_td]:pl-0 [&_th]:py-1 [&_th]:pr-2 [&_th]:pl-0 [&_thead]:bg-transparent [&_thead]:text-stone-600";

export function Table({
  caption,
  captionId,
  captionVisible = false,
  plain = false,
  minWidth,
  className,
  frameClassName,
  children,
  ...props
}: React.TableHTMLAttributes<HTMLTableElement> & {
  caption: React.ReactNode;
  /** an id for the caption, for a section labelled by its table */
  captionId?: string;
  /** a caption shown above the table (default: for screen readers only) */
  captionVisible?: boolean;
  /** a small table inside a card: no frame, no header band, tighter cells; it wraps long words instead of scrolling */
  plain?: boolean;
  /** a width under which the frame scrolls sideways, e.g. "56rem" */
  minWidth?: string;
  frameClassName?: string;
}) {
  // Under 640 px every table reflows to cards (table.reflow in globals.css: each cell labelled by its
  // `label`); a minimum width applies from 640 px only, where the frame scrolls sideways instead.
  return (
    <div className={cn(plain ? "[overflow-wrap:anywhere]" : "overflow-x-auto rounded-xl border border-stone-200 bg-white", frameClassName)} data-table="">
      <table
        className={cn("reflow w-full text-left text-sm", plain && PLAIN, minWidth && "sm:min-w-(--table-min-width)", className)}
        style={minWidth ? ({ "--table-min-width": minWidth } as React.CSSProperties) : undefined}
        {...props}
      >
        <caption id={captionId} className={captionVisible ? "px-3 py-2 text-left font-medium text-stone-700" : "sr-only"}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** The header row: its children are the column headers (Th). */
export function TableHead({ className, children, ...props }: React.HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <thead className={cn("bg-stone-100 text-stone-700", className)} {...props}>
      <tr>{children}</tr>
    </thead>
  );
}

export function TableBody({ className, ...props }: React.HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-stone-100", className)} {...props} />;
}

/** A column header. */
export function Th({ align = "left", className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement> & { align?: Align }) {
  return <th scope="col" className={cn("px-3 py-2 font-medium", ALIGN[align], className)} {...props} />;
}

/** The cell that names its row (a unit, a task): a row header for screen readers; `plain` drops the bold. */
export function RowHeader({ label, plain = false, className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement> & { label?: string; plain?: boolean }) {
  return <th scope="row" data-label={label} className={cn("px-3 py-2", plain ? "font-normal" : "font-medium", className)} {...props} />;
}

export function Td({ align = "left", label, className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement> & { align?: Align; label?: string }) {
  return <td data-label={label} className={cn("px-3 py-2", ALIGN[align], className)} {...props} />;
}
