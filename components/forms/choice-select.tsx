'use client';

/**
 * A labelled single-choice select with an "any" first option. The choices arrive as
 * [value, label] pairs, so a long list (a thousand dialogues) costs the page one compact array
 * rather than a rendered element per option in the payload.
 */
export function ChoiceSelect({
  id,
  name,
  label,
  anyLabel,
  defaultValue,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  defaultValue: string;
  choices: readonly (readonly [value: string, label: string])[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        <option value="">{anyLabel}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
