import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/**
 * The page of an organisation bulk import (units, accounts): where to get the template, how to fill
 * it in, the all-or-nothing rule, then the form (components/org/import-form.tsx).
 */
export function SheetImportPage({
  title,
  template,
  rules,
  after = "",
  children,
}: {
  title: string;
  /** the template's download link */
  template: { href: string; label: string };
  /** how to fill the sheet in, after the link (starts with its comma) */
  rules: React.ReactNode;
  /** what follows the all-or-nothing rule */
  after?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-5">
      <PageHeader
        title={title}
        description={
          <>
            先下载{" "}
            <a href={template.href} className="text-brand-700 underline" download>
              {template.label}
            </a>
            {rules}有任何一行不对，整张表都不导入，并列出要改的行；全部无误才一次导入。{after}
          </>
        }
      />
      {children}
    </div>
  );
}

/** The actions of a list that is also imported (units, accounts): 批量导入 at `{base}/import`, and `newLabel` at `{base}/new`. */
export function ImportAndNewLinks({ base, newLabel }: { base: string; newLabel: string }) {
  return (
    <>
      <ButtonLink href={`${base}/import`}>批量导入</ButtonLink>
      <ButtonLink href={`${base}/new`} variant="primary">
        {newLabel}
      </ButtonLink>
    </>
  );
}
