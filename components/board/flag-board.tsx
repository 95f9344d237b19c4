import Link from "next/link";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { EmptyState } from "@/components/ui/page-header";
import { quarterName } from "@/lib/assessment/quarters";
import type { FlagView } from "@/lib/assessment/results";
import type { FlagColor } from "@/lib/generated/prisma/enums";
import { formatDistrictDateTime } from "@/lib/time";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";

const KINDS = UNIT_KIND_ENTRIES;

/** Who holds which flag and since when, per kind. `linkTo` makes each holder a link (the board's drill-down). */
export function FlagBoard({ flags, linkTo }: { flags: FlagView[]; linkTo?: (f: FlagView) => string }) {
  if (flags.length === 0) return <EmptyState title="还没有流动红黄旗">季度关闭后，前三名授红旗、后三名授黄旗。</EmptyState>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {KINDS.map(([kind, label]) => (
        <div key={kind} className="space-y-3">
          <h3 className="font-semibold">{label}</h3>
          {(["RED", "YELLOW"] as FlagColor[]).map((color) => {
            const holders = flags.filter((f) => f.kind === kind && f.color === color);
            return (
              <ul key={color} aria-label={`${label}${color === "RED" ? "红旗" : "黄旗"}`} className="space-y-2">
                {holders.map((f) => (
                  <li
                    key={f.id}
                    data-flag={`${f.color}:${f.unitName}`}
                    className={color === "RED" ? "rounded-xl border border-red-200 bg-red-50/60 p-3" : "rounded-xl border border-amber-300 bg-amber-50 p-3"}
                  >
                    <div className="flex items-center justify-between gap-2">
                      <span className="text-lg font-semibold">
                        {linkTo ? (
                          <Link href={linkTo(f)} className="link">
                            {f.unitName}
                          </Link>
                        ) : (
                          f.unitName
                        )}
                      </span>
                      <FlagBadge color={f.color} streak={f.streak} />
                    </div>
                    <p className="mt-1 text-sm text-stone-700">
                      自{quarterName(f.since)}起持有 · {formatDistrictDateTime(f.sinceAt).slice(0, 10)} 授旗
                    </p>
                  </li>
                ))}
                {holders.length === 0 ? <li className="text-sm text-stone-600">暂无</li> : null}
              </ul>
            );
          })}
        </div>
      ))}
    </div>
  );
}
