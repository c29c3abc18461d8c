// Plain-language names and explanations of what the model flags, shared by the in-page card
// and the popup. Written for this project; neutral in tone.
import type { Label } from '../../model/labels';
import type { CategoryId } from '../../model/types';

export interface LabelText {
  /** Short name a reader understands. */
  name: string;
  /** What was detected, in one sentence. */
  what: string;
  /** Why it matters to the reader, in one sentence. */
  why: string;
  /** The question a careful reader can ask. */
  ask: string;
}

const TEXTS: Record<Label, LabelText> = {
  Loaded_Language: { name: 'Loaded language', what: 'Words with strong emotional charge stand in for neutral description.', why: 'Emotional wording can steer your judgement before the facts do.', ask: 'What happened, described in neutral words?' },
  'Name_Calling-Labeling': { name: 'Name calling', what: 'A person or group is given a label meant to make you like or dislike them.', why: 'A label invites a verdict without an argument.', ask: 'What did they actually do or say?' },
  Doubt: { name: 'Casting doubt', what: 'The credibility of someone or something is questioned without support.', why: 'Doubt can stick even when no evidence is given.', ask: 'Is there evidence behind the doubt?' },
  Questioning_the_Reputation: { name: 'Attacking reputation', what: 'Someone’s character is attacked instead of their argument.', why: 'It shifts attention from the issue to the person.', ask: 'Does the attack address what they said?' },
  'Exaggeration-Minimisation': { name: 'Exaggeration or minimisation', what: 'Something is made to look much bigger or much smaller than it is.', why: 'Distorted scale changes how urgent or harmless something seems.', ask: 'What are the actual numbers or scale?' },
  'Appeal_to_Fear-Prejudice': { name: 'Appeal to fear', what: 'The text tries to make you afraid, or plays on prejudice, to win support.', why: 'Fear narrows attention and pushes quick decisions.', ask: 'How likely is the threat, and who says so?' },
  Repetition: { name: 'Repetition', what: 'The same message is repeated to make it stick.', why: 'Hearing something often makes it feel true.', ask: 'Is anything new offered beyond the repetition?' },
  Conversation_Killer: { name: 'Conversation killer', what: 'A phrase discourages further thought or discussion.', why: 'It closes a question that deserves an answer.', ask: 'What would the counter-argument be?' },
  Appeal_to_Hypocrisy: { name: 'Appeal to hypocrisy', what: 'An opponent is called a hypocrite to dismiss their point.', why: 'Inconsistency of a person does not settle the argument.', ask: 'Is the point itself right or wrong?' },
  Flag_Waving: { name: 'Flag waving', what: 'Support is sought by appealing to a group’s identity or patriotism.', why: 'Loyalty is used in place of reasons.', ask: 'What are the reasons, apart from belonging?' },
  Appeal_to_Authority: { name: 'Appeal to authority', what: 'A claim is presented as true because an authority said it.', why: 'Authorities can be wrong or speak outside their field.', ask: 'What evidence does the authority give?' },
  Slogans: { name: 'Slogan', what: 'A short, catchy phrase replaces an argument.', why: 'Slogans are easy to remember and hard to question.', ask: 'What claim does the slogan make, exactly?' },
  Appeal_to_Values: { name: 'Appeal to values', what: 'A position is tied to values like freedom or justice to make it look good.', why: 'Shared values can hide a weak argument.', ask: 'Does the position actually serve that value?' },
  Guilt_by_Association: { name: 'Guilt by association', what: 'Someone is discredited by linking them to a disliked person or group.', why: 'A link is not proof of wrongdoing.', ask: 'What is the actual connection?' },
  Causal_Oversimplification: { name: 'Causal oversimplification', what: 'A complex problem is blamed on a single cause.', why: 'Simple causes are appealing but often wrong.', ask: 'What other causes could there be?' },
  'False_Dilemma-No_Choice': { name: 'False dilemma', what: 'Only two options are presented when more exist.', why: 'It forces a choice by hiding the alternatives.', ask: 'Are there really only two options?' },
  Consequential_Oversimplification: { name: 'Slippery slope', what: 'One step is claimed to lead inevitably to extreme consequences.', why: 'Each step of the chain deserves its own evidence.', ask: 'Why would each step follow?' },
  'Obfuscation-Vagueness-Confusion': { name: 'Vagueness', what: 'Deliberately unclear wording leaves room for several readings.', why: 'Vague claims are hard to check or refute.', ask: 'What exactly is being claimed?' },
  Appeal_to_Popularity: { name: 'Bandwagon', what: 'Something is presented as right because many people believe it.', why: 'Popularity is not evidence.', ask: 'Would it be true if fewer people believed it?' },
  Straw_Man: { name: 'Straw man', what: 'An opponent’s position is misrepresented to make it easier to attack.', why: 'The real argument goes unanswered.', ask: 'Is that what the other side actually said?' },
  Red_Herring: { name: 'Red herring', what: 'An irrelevant topic is introduced to divert attention.', why: 'It moves the discussion away from the question.', ask: 'How does this relate to the original issue?' },
  Appeal_to_Time: { name: 'Appeal to urgency', what: 'You are pressed to act now, with no time to think.', why: 'Urgency discourages checking.', ask: 'What happens if you wait and check first?' },
  Whataboutism: { name: 'Whataboutism', what: 'Criticism is deflected by pointing at someone else’s wrongdoing.', why: 'Another’s fault does not answer the criticism.', ask: 'Does the comparison answer the original criticism?' },
  any_technique: { name: 'Persuasion technique', what: 'The sentence uses a persuasion technique the model cannot name with confidence.', why: 'Persuasion techniques can carry you along without good reasons.', ask: 'What is the claim, and what supports it?' },
  loaded_language: { name: 'Biased wording', what: 'The wording takes a side instead of describing neutrally.', why: 'Biased wording frames the story before you judge it.', ask: 'How would a neutral reporter phrase this?' },
  clickbait: { name: 'Clickbait headline', what: 'The headline teases or exaggerates to make you click.', why: 'Clickbait promises more than the article delivers.', ask: 'What does the article actually report?' },
  loaded_word: { name: 'Loaded word', what: 'This word takes a side instead of describing neutrally.', why: 'A single charged word can frame a whole story.', ask: 'Which neutral word would describe the same thing?' },
  insult: { name: 'Insulting language', what: 'The sentence uses insulting or abusive words.', why: 'Insults provoke rather than inform.', ask: 'What is the point, without the insult?' },
};

export function describeLabel(label: Label): LabelText {
  return TEXTS[label];
}

export const CATEGORY_NAMES: Record<CategoryId, string> = {
  persuasion: 'Persuasion techniques',
  loaded_language: 'Loaded language',
  clickbait: 'Clickbait headline',
  insult: 'Insulting language',
};

export type Severity = 'low' | 'medium' | 'high';

/** The three colour bands of a finding, from its 0-1 severity. */
export function severityBand(severity: number): Severity {
  if (severity >= 0.5) return 'high';
  return severity >= 0.2 ? 'medium' : 'low';
}
