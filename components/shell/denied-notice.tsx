"use client";

import { useSearchParams } from "next/navigation";

/** Says why the user landed here when a page outside their role sent them home. */
export function DeniedNotice() {
  const params = useSearchParams();
  if (params.get("denied") !== "1") return null;
  return (
    <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
      您没有权限查看刚才的页面，已回到您的首页。
    </p>
  );
}
