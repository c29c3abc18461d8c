// Registry of everything the classifier outputs: one sigmoid head per label, in this order.
// The manifest written by training repeats this list; loading checks they agree.

export type Coarse =
  | 'Attack_on_Reputation'
  | 'Justification'
  | 'Simplification'
  | 'Distraction'
  | 'Call'
  | 'Manipulative_Wording';

/** The 23 persuasion techniques of SemEval-2023 Task 3, with their coarse group. */
export const TECHNIQUES = [
  ['Loaded_Language', 'Manipulative_Wording'],
  ['Name_Calling-Labeling', 'Attack_on_Reputation'],
  ['Doubt', 'Attack_on_Reputation'],
  ['Questioning_the_Reputation', 'Attack_on_Reputation'],
  ['Exaggeration-Minimisation', 'Manipulative_Wording'],
  ['Appeal_to_Fear-Prejudice', 'Justification'],
  ['Repetition', 'Manipulative_Wording'],
  ['Conversation_Killer', 'Call'],
  ['Appeal_to_Hypocrisy', 'Attack_on_Reputation'],
  ['Flag_Waving', 'Justification'],
  ['Appeal_to_Authority', 'Justification'],
  ['Slogans', 'Call'],
  ['Appeal_to_Values', 'Justification'],
  ['Guilt_by_Association', 'Attack_on_Reputation'],
  ['Causal_Oversimplification', 'Simplification'],
  ['False_Dilemma-No_Choice', 'Simplification'],
  ['Consequential_Oversimplification', 'Simplification'],
  ['Obfuscation-Vagueness-Confusion', 'Manipulative_Wording'],
  ['Appeal_to_Popularity', 'Justification'],
  ['Straw_Man', 'Distraction'],
  ['Red_Herring', 'Distraction'],
  ['Appeal_to_Time', 'Call'],
  ['Whataboutism', 'Distraction'],
] as const satisfies readonly (readonly [string, Coarse])[];

export type Technique = (typeof TECHNIQUES)[number][0];
export const TECHNIQUE_NAMES: readonly Technique[] = TECHNIQUES.map(([name]) => name);
export const COARSE_OF: Readonly<Record<Technique, Coarse>> = Object.fromEntries(TECHNIQUES) as Record<Technique, Coarse>;

/** Sentence-level heads besides the techniques. */
export const ANY_TECHNIQUE = 'any_technique';
export const LOADED = 'loaded_language';
export const CLICKBAIT = 'clickbait';
export const INSULT = 'insult';
/** A single word that carries bias (scored word by word, not per sentence): what the page underlines. */
export const LOADED_WORD = 'loaded_word';

export type Label = Technique | typeof ANY_TECHNIQUE | typeof LOADED | typeof CLICKBAIT | typeof INSULT | typeof LOADED_WORD;

/** Output order of the network. */
export const LABELS: readonly Label[] = [...TECHNIQUE_NAMES, ANY_TECHNIQUE, LOADED, CLICKBAIT, INSULT, LOADED_WORD];

export const LABEL_INDEX: Readonly<Record<Label, number>> = Object.fromEntries(LABELS.map((l, i) => [l, i])) as Record<Label, number>;

export function isTechnique(name: string): name is Technique {
  return (TECHNIQUE_NAMES as readonly string[]).includes(name);
}

/** Languages the model was trained on (ISO 639-1). */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'de', 'it', 'pl', 'ru', 'es'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
