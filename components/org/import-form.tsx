"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/auth/action";
import { Field } from "@/components/ui/field";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

/**
 * The one form of the organisation's bulk imports (accounts, units): a file,
 * the rows to fix (each with its number), or the created records as a table
 * (`data.created`: one tab-separated line per record, in `headers` order).
 */
export function SheetImportForm({
  action,
  label,
  fileLabel,
  caption,
  headers,
  monospace = [],
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  fileLabel: string;
  caption: string;
  headers: string[];
  monospace?: number[];
}) {
  return (
    <ActionForm action={action} className="max-w-3xl space-y-4" aria-label={label} message={false}>
      {({ state, errors }) => (
        <>
          <Field label={fileLabel} name="file" type="file" accept=".xlsx" required errors={errors.file} />
          <ActionMessage />
          {state.data?.rowErrors ? (
            <ul className="list-disc space-y-1 pl-5 text-sm text-red-800" aria-label="需要修改的行">
              {state.data.rowErrors.split("\n").map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {state.ok && state.data?.created ? (
            <Table caption={caption} plain>
              <TableHead>
                {headers.map((h) => (
                  <Th key={h}>{h}</Th>
                ))}
              </TableHead>
              <TableBody>
                {state.data.created.split("\n").map((line) => {
                  const cells = line.split("\t");
                  return (
                    <tr key={line}>
                      {headers.map((h, i) => (
                        <Td key={h} label={h} className={monospace.includes(i) ? "font-mono" : undefined}>
                          {cells[i]}
                        </Td>
                      ))}
                    </tr>
                  );
                })}
              </TableBody>
            </Table>
          ) : null}
          <SubmitButton pendingLabel="正在检查和导入…">导入</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
