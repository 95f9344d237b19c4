"use client";

import { Button } from "@/components/ui/button";

export function PrintButton({ label = "打印（A4）" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
