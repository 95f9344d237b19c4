"use client";

import { signOut } from "next-auth/react";

export function LogoutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="min-h-11 rounded-lg px-2 text-sm text-stone-700 hover:bg-stone-100 sm:px-3"
    >
      退出
    </button>
  );
}
