// What to ask: plain-language guidance for every label the model outputs, shared by the in-page
// card, the popup, reports and `scan --json`. Written for this project; examples are invented and
// politically neutral. English here (scan and reports); the extension's UI shows them in its
// language through extension/_locales (guidance_* keys), which scripts/check-locales.ts keeps in step.
import type { Label } from './labels';

export interface Guidance {
  /** Short name a reader understands. */
  name: string;
  /** What was detected (first sentence of the explanation). */
  what: string;
  /** Why it matters (second sentence). */
  why: string;
  /** The question a careful reader should ask. */
  ask: string;
  /** A short invented example of the technique. */
  example: string;
  /** A template for a neutral restatement; [brackets] mark what the reader fills in. */
  restatement: string;
}

export const GUIDANCE: Readonly<Record<Label, Guidance>> = {
  Loaded_Language: {
    name: 'Loaded language',
    what: 'Words with strong emotional charge stand in for neutral description.',
    why: 'Emotional wording can steer your judgement before the facts do.',
    ask: 'What happened, described in neutral words?',
    example: 'The council’s disastrous scheme wrecked the town centre.',
    restatement: '[Who] [did what], according to [source]; [effect, with figures].',
  },
  'Name_Calling-Labeling': {
    name: 'Name calling',
    what: 'A person or group is given a label meant to make you like or dislike them.',
    why: 'A label invites a verdict without an argument.',
    ask: 'What did they actually do or say?',
    example: 'The so-called experts from the ivory tower want to tell you how to live.',
    restatement: '[Name or role] said or did [specific action].',
  },
  Doubt: {
    name: 'Casting doubt',
    what: 'The credibility of someone or something is questioned without support.',
    why: 'Doubt can stick even when no evidence is given.',
    ask: 'Is there evidence behind the doubt?',
    example: 'Can we really trust a report that took only six weeks to write?',
    restatement: '[Source] questions [claim] because [evidence, if any].',
  },
  Questioning_the_Reputation: {
    name: 'Attacking reputation',
    what: 'Someone’s character is attacked instead of their argument.',
    why: 'It shifts attention from the issue to the person.',
    ask: 'Does the attack address what they said?',
    example: 'Nobody should listen to a minister who has changed jobs four times.',
    restatement: '[Person] argues [position]; critics point to [specific, relevant issue].',
  },
  'Exaggeration-Minimisation': {
    name: 'Exaggeration or minimisation',
    what: 'Something is made to look much bigger or much smaller than it is.',
    why: 'Distorted scale changes how urgent or harmless something seems.',
    ask: 'What are the actual numbers or scale?',
    example: 'The new parking fee will ruin every family in the region.',
    restatement: '[Change] will affect [who], by [amount].',
  },
  'Appeal_to_Fear-Prejudice': {
    name: 'Appeal to fear',
    what: 'The text tries to make you afraid, or plays on prejudice, to win support.',
    why: 'Fear narrows attention and pushes quick decisions.',
    ask: 'How likely is the threat, and who says so?',
    example: 'If the bridge project goes ahead, our streets will never be safe again.',
    restatement: '[Source] warns that [outcome] could happen, with [likelihood or evidence].',
  },
  Repetition: {
    name: 'Repetition',
    what: 'The same message is repeated to make it stick.',
    why: 'Hearing something often makes it feel true.',
    ask: 'Is anything new offered beyond the repetition?',
    example: 'It is unfair. Completely unfair. Everyone knows it is unfair.',
    restatement: '[Claim], once, with [the reasons given].',
  },
  Conversation_Killer: {
    name: 'Conversation killer',
    what: 'A phrase discourages further thought or discussion.',
    why: 'It closes a question that deserves an answer.',
    ask: 'What would the counter-argument be?',
    example: 'It is what it is, and there is nothing more to discuss.',
    restatement: '[Position], while [open questions] remain.',
  },
  Appeal_to_Hypocrisy: {
    name: 'Appeal to hypocrisy',
    what: 'An opponent is called a hypocrite to dismiss their point.',
    why: 'Inconsistency of a person does not settle the argument.',
    ask: 'Is the point itself right or wrong?',
    example: 'He talks about saving energy, yet he drives a large car.',
    restatement: '[Person] argues [point]; whether the point holds depends on [evidence].',
  },
  Flag_Waving: {
    name: 'Flag waving',
    what: 'Support is sought by appealing to a group’s identity or patriotism.',
    why: 'Loyalty is used in place of reasons.',
    ask: 'What are the reasons, apart from belonging?',
    example: 'Every true local supports the new stadium.',
    restatement: '[Group] supports [proposal] because [reasons].',
  },
  Appeal_to_Authority: {
    name: 'Appeal to authority',
    what: 'A claim is presented as true because an authority said it.',
    why: 'Authorities can be wrong or speak outside their field.',
    ask: 'What evidence does the authority give?',
    example: 'A famous actor says the diet works, so it must be true.',
    restatement: '[Authority, and their field] says [claim], based on [evidence].',
  },
  Slogans: {
    name: 'Slogan',
    what: 'A short, catchy phrase replaces an argument.',
    why: 'Slogans are easy to remember and hard to question.',
    ask: 'What claim does the slogan make, exactly?',
    example: 'Our town, our rules!',
    restatement: '[Group] wants [specific policy] because [reasons].',
  },
  Appeal_to_Values: {
    name: 'Appeal to values',
    what: 'A position is tied to values like freedom or justice to make it look good.',
    why: 'Shared values can hide a weak argument.',
    ask: 'Does the position actually serve that value?',
    example: 'Anyone who loves freedom will vote for this zoning plan.',
    restatement: '[Proposal] would [concrete effect], which supporters link to [value].',
  },
  Guilt_by_Association: {
    name: 'Guilt by association',
    what: 'Someone is discredited by linking them to a disliked person or group.',
    why: 'A link is not proof of wrongdoing.',
    ask: 'What is the actual connection?',
    example: 'The mayor once shared a stage with a convicted fraudster.',
    restatement: '[Person] has [specific connection] to [other]; [relevance, if shown].',
  },
  Causal_Oversimplification: {
    name: 'Causal oversimplification',
    what: 'A complex problem is blamed on a single cause.',
    why: 'Simple causes are appealing but often wrong.',
    ask: 'What other causes could there be?',
    example: 'Prices went up only because of the new bike lanes.',
    restatement: '[Outcome] has several possible causes, including [causes].',
  },
  'False_Dilemma-No_Choice': {
    name: 'False dilemma',
    what: 'Only two options are presented when more exist.',
    why: 'It forces a choice by hiding the alternatives.',
    ask: 'Are there really only two options?',
    example: 'Either we close the library or we raise taxes for everyone.',
    restatement: 'Options include [option A], [option B] and [others].',
  },
  Consequential_Oversimplification: {
    name: 'Slippery slope',
    what: 'One step is claimed to lead inevitably to extreme consequences.',
    why: 'Each step of the chain deserves its own evidence.',
    ask: 'Why would each step follow?',
    example: 'Allow one food truck today, and tomorrow every restaurant will close.',
    restatement: '[Step] could lead to [consequence] if [conditions], according to [evidence].',
  },
  'Obfuscation-Vagueness-Confusion': {
    name: 'Vagueness',
    what: 'Deliberately unclear wording leaves room for several readings.',
    why: 'Vague claims are hard to check or refute.',
    ask: 'What exactly is being claimed?',
    example: 'Certain measures may have had some effects on various people.',
    restatement: '[Which measure] had [which effect] on [whom].',
  },
  Appeal_to_Popularity: {
    name: 'Bandwagon',
    what: 'Something is presented as right because many people believe it.',
    why: 'Popularity is not evidence.',
    ask: 'Would it be true if fewer people believed it?',
    example: 'Millions already use this supplement, so it must work.',
    restatement: '[Number] people [do or believe X]; evidence for [claim] is [evidence].',
  },
  Straw_Man: {
    name: 'Straw man',
    what: 'An opponent’s position is misrepresented to make it easier to attack.',
    why: 'The real argument goes unanswered.',
    ask: 'Is that what the other side actually said?',
    example: 'They want fewer parking spaces, so they obviously hate drivers.',
    restatement: '[Other side] proposes [their actual position]; the objection is [argument].',
  },
  Red_Herring: {
    name: 'Red herring',
    what: 'An irrelevant topic is introduced to divert attention.',
    why: 'It moves the discussion away from the question.',
    ask: 'How does this relate to the original issue?',
    example: 'Why talk about the late trains when the weather has been so bad?',
    restatement: 'On [original question]: [answer or evidence].',
  },
  Appeal_to_Time: {
    name: 'Appeal to urgency',
    what: 'You are pressed to act now, with no time to think.',
    why: 'Urgency discourages checking.',
    ask: 'What happens if you wait and check first?',
    example: 'Share this before it is deleted — there is no time to lose!',
    restatement: '[Claim]; the deadline, if any, is [date], according to [source].',
  },
  Whataboutism: {
    name: 'Whataboutism',
    what: 'Criticism is deflected by pointing at someone else’s wrongdoing.',
    why: 'Another’s fault does not answer the criticism.',
    ask: 'Does the comparison answer the original criticism?',
    example: 'Our budget overran, but what about the neighbouring town’s overrun?',
    restatement: '[Criticism]; the response to it is [answer], separately from [other case].',
  },
  any_technique: {
    name: 'Persuasion technique',
    what: 'The sentence uses a persuasion technique the model cannot name with confidence.',
    why: 'Persuasion techniques can carry you along without good reasons.',
    ask: 'What is the claim, and what supports it?',
    example: 'Surely no sensible person could disagree with this plan.',
    restatement: '[Claim], supported by [evidence].',
  },
  loaded_language: {
    name: 'Biased wording',
    what: 'The wording takes a side instead of describing neutrally.',
    why: 'Biased wording frames the story before you judge it.',
    ask: 'How would a neutral reporter phrase this?',
    example: 'The senator slammed the reckless proposal.',
    restatement: '[Who] criticised [what], saying [reason].',
  },
  clickbait: {
    name: 'Clickbait headline',
    what: 'The headline teases or exaggerates to make you click.',
    why: 'Clickbait promises more than the article delivers.',
    ask: 'What does the article actually report?',
    example: 'You won’t believe what this town did with its old bus station',
    restatement: '[Who] [did what], [where/when].',
  },
  insult: {
    name: 'Insulting language',
    what: 'The sentence uses insulting or abusive words.',
    why: 'Insults provoke rather than inform.',
    ask: 'What is the point, without the insult?',
    example: 'Only an idiot would believe the council’s figures.',
    restatement: '[Who] disputes [which figures], because [reason].',
  },
  loaded_word: {
    name: 'Loaded word',
    what: 'This word takes a side instead of describing neutrally.',
    why: 'A single charged word can frame a whole story.',
    ask: 'Which neutral word would describe the same thing?',
    example: '“slammed” where “criticised” would do',
    restatement: 'Use a neutral word for the same fact.',
  },
};

export function guidanceFor(label: Label): Guidance {
  return GUIDANCE[label];
}
