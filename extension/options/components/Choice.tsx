// A group of radio buttons with a legend, a one-line explanation and a note per option.
import type { ComponentChildren } from 'preact';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  note?: string;
}

export function Group({ id, heading, hint, children }: { id: string; heading: string; hint: string; children: ComponentChildren }) {
  return (
    <section class="group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {children}
    </section>
  );
}

export function Choice<T extends string>({ id, heading, hint, options, value, onChange }: { id: string; heading: string; hint: string; options: ChoiceOption<T>[]; value: T; onChange: (value: T) => void }) {
  return (
    <Group id={id} heading={heading} hint={hint}>
      <fieldset class="choices" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-hint`}>
        {options.map((option) => {
          const inputId = `${id}-${option.value}`;
          return (
            <div class="choice" key={option.value}>
              <input type="radio" id={inputId} name={id} value={option.value} checked={option.value === value} aria-describedby={option.note ? `${inputId}-note` : undefined} onChange={() => onChange(option.value)} />
              <label for={inputId}>{option.label}</label>
              {option.note && (
                <p class="note" id={`${inputId}-note`}>
                  {option.note}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
    </Group>
  );
}
