import { formatAmount } from "@/components/tasks/format";
import type { CommitmentDocument } from "@/lib/commitments/queries";
import { districtDateOf } from "@/lib/time";

/** "2026年11月27日", the district's date of an instant. */
export function chineseDate(instant: Date): string {
  const [y, m, d] = districtDateOf(instant).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A commitment as a document: title, preface, numbered pledges with the tasks
 * they stand for, and the signature. Styled for screen and for A4 paper.
 */
export function CommitmentDocumentView({ commitment }: { commitment: CommitmentDocument }) {
  return (
    <article className="commitment-document mx-auto max-w-[210mm] bg-white px-6 py-8 font-serif text-stone-900 sm:px-12 sm:py-12">
      <h1 className="text-center text-2xl font-bold leading-snug tracking-wide sm:text-3xl">{commitment.title}</h1>
      <p className="mt-2 text-center text-sm text-stone-600">
        {commitment.unit.name} · {commitment.year}年度 · 第 {commitment.version} 版
      </p>
      {commitment.preface ? <p className="mt-8 indent-8 text-lg leading-loose whitespace-pre-line">{commitment.preface}</p> : null}
      <ol className="mt-6 space-y-4">
        {commitment.pledges.map((pledge, i) => (
          <li key={pledge.id} className="commitment-pledge text-lg leading-loose">
            <span className="font-semibold">{"一二三四五六七八九十"[i] ?? i + 1}、</span>
            <span className="whitespace-pre-line">{pledge.text}</span>
            {pledge.tasks.length ? (
              <ul className="mt-1 space-y-0.5 pl-8 text-sm leading-relaxed text-stone-600">
                {pledge.tasks.map(({ task }) => (
                  <li key={task.id}>
                    对应任务：{task.title}（目标 {formatAmount(task.target)}
                    {task.measure}，{task.deadline} 前完成）
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <footer className="commitment-signature mt-12 ml-auto w-fit space-y-2 text-lg leading-loose">
        <p>承诺单位：{commitment.unit.name}</p>
        <p>承诺人：{commitment.signedBy}</p>
        <p>{commitment.publishedAt ? chineseDate(commitment.publishedAt) : `草稿（${chineseDate(commitment.createdAt)} 起草）`}</p>
      </footer>
    </article>
  );
}
