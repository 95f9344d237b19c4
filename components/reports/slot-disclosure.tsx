"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";

const Open = createContext(true);

/** Whether the enclosing slot of the card is open (outside a SlotDisclosure: always). */
export function useSlotOpen(): boolean {
  return useContext(Open);
}

/**
 * One slot of the daily card as a disclosure, the summary rendered by the server. Its form is
 * mounted only once the slot is opened (components/reports/slot-panel.tsx): a phone hydrates the
 * open slot's form, not three (issue 14: the card's forms made /unit's main thread block).
 */
export function SlotDisclosure({ defaultOpen, summary, children }: { defaultOpen: boolean; summary: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(defaultOpen);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page was hydrated: the toggle event was missed.
  useEffect(() => {
    if (ref.current && ref.current.open !== defaultOpen) setOpen(ref.current.open);
  }, [defaultOpen]);
  return (
    <details ref={ref} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="group">
      {summary}
      <Open.Provider value={open}>{children}</Open.Provider>
    </details>
  );
}
