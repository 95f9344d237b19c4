/** A task picker's options: "不关联" first, then the tasks by title. */
export function TaskOptions({ tasks }: { tasks: { id: string; title: string }[] }) {
  return (
    <>
      <option value="">不关联</option>
      {tasks.map((t) => (
        <option key={t.id} value={t.id}>
          {t.title}
        </option>
      ))}
    </>
  );
}
