import { cn } from "@/components/ui/cn";

const INPUT =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base text-stone-900 placeholder:text-stone-400 focus:border-brand-700 aria-[invalid=true]:border-red-600";

/** A labelled input with its error message wired through aria-describedby. */
export function Field({
  label,
  name,
  errors,
  hint,
  className,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = input.id ?? `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={cn(invalid && errorId, hint && hintId) || undefined}
        className={INPUT}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="mt-1 text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
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

const CONTROL =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base text-stone-900 focus:border-brand-700 aria-[invalid=true]:border-red-600";

function FieldFrame({
  id,
  label,
  errors,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="mt-1 text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

function describedBy(id: string, errors?: string[], hint?: string): string | undefined {
  return cn(Boolean(errors?.length) && `${id}-error`, hint && `${id}-hint`) || undefined;
}

/** A labelled select, wired like Field. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  className,
  children,
  ...select
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = select.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <select
        id={id}
        name={name}
        aria-invalid={Boolean(errors?.length) || undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={CONTROL}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A labelled textarea, wired like Field. */
export function TextareaField({
  label,
  name,
  errors,
  hint,
  className,
  ...textarea
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = textarea.id ?? `field-${name}`;
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <textarea
        id={id}
        name={name}
        aria-invalid={Boolean(errors?.length) || undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={CONTROL}
        {...textarea}
      />
    </FieldFrame>
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
