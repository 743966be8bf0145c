'use client';
/**
 * "Check your understanding": pick an answer, see at once whether it is right
 * and why. Answers are saved with the learner's progress, so they survive a reload.
 */
import { useRef } from 'react';
import type { Checkpoint } from '@/lib/lessons/schema';
import { useProgress } from './use-progress';

export function Checkpoints({ slug, checkpoints }: { slug: string; checkpoints: Checkpoint[] }) {
  const [progress, { saveAnswer, clearAnswer }] = useProgress();
  const answers = progress.answers[slug] ?? {};
  const correct = checkpoints.filter((checkpoint, index) => answers[index] === checkpoint.answer).length;

  return (
    <section aria-labelledby="checkpoints-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="checkpoints-heading" className="text-2xl font-bold tracking-tight">
          Check your understanding
        </h2>
        <p className="text-muted" data-testid="checkpoint-score">
          {correct} of {checkpoints.length} right
        </p>
      </div>
      <ol className="mt-5 space-y-5">
        {checkpoints.map((checkpoint, index) => (
          <li key={checkpoint.question}>
            <CheckpointCard
              number={index + 1}
              checkpoint={checkpoint}
              chosen={answers[index]}
              onChoose={(choice) => saveAnswer(slug, index, choice)}
              onReset={() => clearAnswer(slug, index)}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

function CheckpointCard({
  number,
  checkpoint,
  chosen,
  onChoose,
  onReset,
}: {
  number: number;
  checkpoint: Checkpoint;
  chosen: number | undefined;
  onChoose: (choice: number) => void;
  onReset: () => void;
}) {
  const answered = chosen !== undefined;
  const right = chosen === checkpoint.answer;
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const reset = () => {
    onReset();
    // The reset button disappears with the feedback: keep the keyboard focus in the question, on its first choice.
    fieldset.current?.querySelector('button')?.focus();
  };
  return (
    <fieldset ref={fieldset} data-testid="checkpoint" className="rounded-xl border border-border p-5">
      <legend className="float-left w-full text-lg leading-snug font-semibold">
        <span className="mr-2 text-muted">{number}.</span>
        {checkpoint.question}
      </legend>
      <div className="clear-left grid gap-2 pt-4">
        {checkpoint.choices.map((choice, index) => {
          const picked = chosen === index;
          const tone = !picked ? 'border-border hover:border-foreground' : right ? 'border-success bg-success/10' : 'border-danger bg-danger/10';
          return (
            <button
              key={choice}
              type="button"
              aria-pressed={picked}
              onClick={() => onChoose(index)}
              className={`flex items-start gap-3 rounded-lg border-2 px-4 py-2.5 text-left ${tone}`}
            >
              <span aria-hidden="true" className="font-mono font-semibold text-muted">
                {String.fromCharCode(65 + index)}
              </span>
              <span>{choice}</span>
            </button>
          );
        })}
      </div>
      <div aria-live="polite" data-testid="feedback">
        {answered && (
          <div className={`mt-4 rounded-lg border-l-4 px-4 py-3 ${right ? 'border-success bg-success/10' : 'border-danger bg-danger/10'}`}>
            <p className={`font-semibold ${right ? 'text-success' : 'text-danger'}`}>
              {right ? '✓ Correct.' : '✗ Not quite. Try another answer.'}
            </p>
            <p className="mt-1 leading-relaxed">{checkpoint.explanation}</p>
            {/* To try the question again from scratch, e.g. before showing the lesson to someone else. */}
            <button type="button" onClick={reset} className="mt-3 rounded-md border border-border px-3 py-1 text-sm hover:bg-surface">
              Reset answer
            </button>
          </div>
        )}
      </div>
    </fieldset>
  );
}
