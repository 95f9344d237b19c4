import { cn } from "@/components/ui/cn";

/** The house style of a text control; controlProps applies it. */
export const CONTROL =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base text-stone-900 placeholder:text-stone-500 focus:border-brand-700 aria-[invalid=true]:border-red-600";

/** A field's label, name and notes; a controlled field whose value lives in state (the daily card's rows) has an id and no name. */
type FieldProps = { label: string; name?: string; errors?: string[]; hint?: string };

/**
 * What every control of a field carries: its id, name, invalid state and the ids of its hint and
 * errors (FieldNotes), and the house style. Used by Field, SelectField, TextareaField and UnitSelect.
 */
export function controlProps(id: string, name: string | undefined, errors?: string[], hint?: string, className?: string) {
  const invalid = Boolean(errors?.length);
  return {
    id,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": cn(invalid && `${id}-error`, hint && `${id}-hint`) || undefined,
    className: cn(CONTROL, className),
  };
}

/** A field's hint and its error messages (announced), under its control. */
export function FieldNotes({ id, errors, hint }: { id: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </>
  );
}

/** The label above a control, and its notes below. */
export function FieldFrame({
  id,
  label,
  errors,
  hint,
  className,
  children,
}: Omit<FieldProps, "name"> & { id: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      <FieldNotes id={id} errors={errors} hint={hint} />
    </div>
  );
}

/** A labelled input with its error message wired through aria-describedby. */
export function Field({ label, name, errors, hint, className, ...input }: React.InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const id = input.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <input {...controlProps(id, name, errors, hint)} {...input} />
    </FieldFrame>
  );
}

/** A labelled select, wired like Field. */
export function SelectField({ label, name, errors, hint, className, children, ...select }: React.SelectHTMLAttributes<HTMLSelectElement> & FieldProps) {
  const id = select.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <select {...controlProps(id, name, errors, hint)} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A labelled textarea, wired like Field. */
export function TextareaField({ label, name, errors, hint, className, ...textarea }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const id = textarea.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <textarea {...controlProps(id, name, errors, hint)} {...textarea} />
    </FieldFrame>
  );
}

/** A select's options for named records (the id as the value), after an empty one (未指定, 请选择) when `empty` is given. */
export function NamedOptions({ items, empty }: { items: readonly { id: string; name: string }[]; empty?: string }) {
  return (
    <>
      {empty === undefined ? null : <option value="">{empty}</option>}
      {items.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </>
  );
}

/** A form-level message (error or success) announced to screen readers. */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  if (!message) return null;
  return (
    <p role={ok ? "status" : "alert"} className={cn("rounded-lg px-3 py-2 text-sm", ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800")}>
      {message}
    </p>
  );
}

/** A field's error messages, announced; for inputs not built with Field (radios, checkboxes, files). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((e) => (
        <p key={e} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}

/** A checkbox or radio button with its label: the whole row is the tap target (44 px high), in the house's colour. */
export function Choice({
  children,
  className,
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & { type: "checkbox" | "radio"; children: React.ReactNode }) {
  return (
    <label className={cn("flex min-h-11 items-center gap-2", className)}>
      <input className="size-5 shrink-0 accent-brand-700" {...input} />
      {children}
    </label>
  );
}
