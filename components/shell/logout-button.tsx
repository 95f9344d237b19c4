"use client";

import { signOut } from "next-auth/react";

export function LogoutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="min-h-11 rounded-lg px-3 text-sm text-stone-700 hover:bg-stone-100"
    >
      退出
    </button>
  );
}
