// Sample articles for workshop mode. Written for this project: the places, people, groups and
// events are invented, and no article takes a side on a real party, country or group. Each
// sentence carries the labels its author put in (the answer key), or none for neutral controls.
// i18n: English only for now; a later pass adds translated sets keyed by the same article ids.
import type { Label } from '../../model/labels';

export interface ArticleSentence {
  text: string;
  /** What the author of the exercise put in; empty for a neutral sentence. */
  key: Label[];
}

export interface Article {
  id: string;
  /** Short name for the list of rounds. */
  title: string;
  headline: string;
  /** The headline's own key (e.g. clickbait), empty when it is a plain headline. */
  headlineKey: Label[];
  sentences: ArticleSentence[];
}

export const ARTICLES_LANGUAGE = 'en';

const s = (text: string, ...key: Label[]): ArticleSentence => ({ text, key });

export const ARTICLES: readonly Article[] = [
  {
    id: 'footbridge',
    title: 'The Harwick Vale footbridge',
    headline: 'You won’t believe what Harwick Vale council just did to the river path',
    headlineKey: ['clickbait'],
    sentences: [
      s('The council of Harwick Vale voted on Monday to replace the wooden footbridge over the river Dunn.'),
      s('The new steel bridge will cost 1.2 million crowns and is due to open next spring.'),
      s('These arrogant, out-of-touch councillors have once again trampled on every family that walks the river path.', 'Loaded_Language', 'Name_Calling-Labeling'),
      s('If this monstrous bridge goes ahead, our quiet riverside will become a dangerous highway for speeding cyclists and our children will never be safe again.', 'Appeal_to_Fear-Prejudice', 'Exaggeration-Minimisation'),
      s('Engineers said the old bridge had failed two safety inspections since 2021.'),
      s('Either we keep the bridge exactly as it is, or we lose the soul of this town forever.', 'False_Dilemma-No_Choice'),
      s('Residents can comment on the design at the library until the end of the month.'),
    ],
  },
  {
    id: 'library',
    title: 'Millbrook library hours',
    headline: 'Millbrook library to close on Mondays from September',
    headlineKey: [],
    sentences: [
      s('Millbrook’s central library will close on Mondays from September, the town’s culture office announced.'),
      s('The office said the change would save about 40,000 crowns a year in staffing costs.'),
      s('Critics should look at their own record before they complain: what about the millions the last council wasted on its fountain?', 'Whataboutism', 'Appeal_to_Hypocrisy'),
      s('Everyone knows that nobody reads books anymore, so the whole building is a total waste of money.', 'Appeal_to_Popularity', 'Exaggeration-Minimisation'),
      s('The so-called reading campaigners are nothing but a noisy little clique of busybodies.', 'Name_Calling-Labeling', 'Loaded_Language'),
      s('Visitor numbers fell by eight percent last year, according to the library’s annual report.'),
      s('A petition to keep Monday opening has gathered 1,300 signatures.'),
      s('Can we really trust figures from a library that cannot even keep its own shelves in order?', 'Doubt'),
    ],
  },
  {
    id: 'lantern-festival',
    title: 'The Port Aveline lantern festival',
    headline: 'Port Aveline lantern festival moves to the harbour',
    headlineKey: [],
    sentences: [
      s('The Port Aveline lantern festival will move from the old square to the harbour this October.'),
      s('Organisers said the harbour has room for twice as many stalls and better access for wheelchairs.'),
      s('Every true son and daughter of Port Aveline will stand proudly behind our festival, as our ancestors did.', 'Flag_Waving', 'Appeal_to_Values'),
      s('Thousands of people have already signed up, so you would be a fool to miss out.', 'Appeal_to_Popularity', 'insult'),
      s('One town, one light, one festival!', 'Slogans'),
      s('Tickets go on sale on the first of August at the harbour office.'),
      s('Book now, before it is too late, because the best places will be gone within hours!', 'Appeal_to_Time'),
    ],
  },
  {
    id: 'water',
    title: 'Water pipes in Lower Wendle',
    headline: 'Shocking truth about your tap water that Lower Wendle officials don’t want you to know',
    headlineKey: ['clickbait'],
    sentences: [
      s('The water company of Lower Wendle will replace 12 kilometres of old pipes over the next three years.'),
      s('Work starts in the northern district in May and will close some streets for up to two weeks at a time.'),
      s('Who knows what poison is flowing out of your taps while the company keeps silent?', 'Doubt', 'Appeal_to_Fear-Prejudice'),
      s('A famous television chef has said the water tastes strange, so it must be unsafe.', 'Appeal_to_Authority'),
      s('The regional health laboratory tested 240 samples last year and found all of them within the legal limits.'),
      s('This disgraceful cover-up is the worst scandal in the history of the valley.', 'Loaded_Language', 'Exaggeration-Minimisation'),
      s('Households will receive a letter two weeks before work begins on their street.'),
    ],
  },
  {
    id: 'timetable',
    title: 'The new school timetable in Oakhurst',
    headline: 'Oakhurst schools to start half an hour later',
    headlineKey: [],
    sentences: [
      s('From January, secondary schools in Oakhurst will start at 9:00 instead of 8:30.'),
      s('The district said the change follows a two-year trial in three schools.'),
      s('Exam results went down last year only because of the new timetable, nothing else.', 'Causal_Oversimplification'),
      s('Let pupils sleep in today, and tomorrow they will skip school altogether and nobody will ever work again.', 'Consequential_Oversimplification'),
      s('The parents’ association has asked for a meeting with the district in February.'),
      s('The people pushing this plan simply hate hard work and want our children to be lazy.', 'Straw_Man', 'Questioning_the_Reputation'),
      s('It is what it is, and there is nothing more to discuss.', 'Conversation_Killer'),
    ],
  },
  {
    id: 'market-hall',
    title: 'Rents at the Kestrel Market Hall',
    headline: 'Traders react to new rents at Kestrel Market Hall',
    headlineKey: [],
    sentences: [
      s('Rents for stalls in the Kestrel Market Hall will rise by six percent in April, the hall’s owners said.'),
      s('The owners said the increase would pay for a new roof and better lighting.'),
      s('These greedy landlords are bleeding honest traders dry for their own shameless profit.', 'Loaded_Language', 'Name_Calling-Labeling'),
      s('The hall manager once had lunch with a developer who was later fined for fraud, which tells you everything.', 'Guilt_by_Association'),
      s('They lecture us about fairness, yet they drive around in expensive cars.', 'Appeal_to_Hypocrisy'),
      s('Of the 64 stallholders, 51 have signed the new contracts so far.'),
      s('Why worry about rents when the weather this summer has been so terrible for everyone?', 'Red_Herring'),
      s('A meeting between traders and owners is planned for the second week of March.'),
    ],
  },
  {
    id: 'supplement',
    title: 'A new herbal supplement',
    headline: 'Doctors hate this one simple trick from a Felling Cross pharmacy',
    headlineKey: ['clickbait'],
    sentences: [
      s('A pharmacy in Felling Cross has started selling a herbal supplement made from local nettles.'),
      s('The product has not been tested in a clinical trial, the pharmacy confirmed.'),
      s('A well-known professor of economics swears by it, so there is no reason to doubt that it works.', 'Appeal_to_Authority'),
      s('Millions of people around the world already take supplements like this one, so they cannot all be wrong.', 'Appeal_to_Popularity'),
      s('Order today, because stocks are running out fast and you will regret waiting!', 'Appeal_to_Time'),
      s('The regional medicines board said it had received no reports of side effects.'),
      s('Certain ingredients may have had some positive effects on various aspects of wellbeing for some people.', 'Obfuscation-Vagueness-Confusion'),
    ],
  },
  {
    id: 'bus-lanes',
    title: 'Bus lanes on Granary Road',
    headline: 'Granary Road bus lane: what the council decided and what comes next',
    headlineKey: [],
    sentences: [
      s('The city of Ellsmere will paint a bus lane along Granary Road this summer.'),
      s('Buses on the route currently take 25 minutes to cover four kilometres at rush hour.'),
      s('Drivers are being punished, persecuted and driven out of their own city by a war on cars.', 'Loaded_Language', 'Exaggeration-Minimisation'),
      s('If we allow this bus lane, next they will ban cars from the whole city and then from every village.', 'Consequential_Oversimplification', 'Appeal_to_Fear-Prejudice'),
      s('A transport planner at the university said bus lanes elsewhere had cut journey times by about a fifth.'),
      s('Those who support the lane just want to make everybody’s life miserable.', 'Straw_Man'),
      s('It is unfair, completely unfair, and everyone knows it is unfair.', 'Repetition', 'Appeal_to_Popularity'),
      s('The council will review the lane after twelve months.'),
    ],
  },
  {
    id: 'football',
    title: 'The Riverside Rovers stadium',
    headline: 'This stadium plan will leave you speechless',
    headlineKey: ['clickbait'],
    sentences: [
      s('Riverside Rovers, the football club of Dunmore, has asked for permission to build a 9,000-seat stadium.'),
      s('The club says the stadium would be finished in 2028 and used for concerts in the summer.'),
      s('Opponents of the plan are pathetic losers who have never kicked a ball in their lives.', 'insult', 'Name_Calling-Labeling'),
      s('Real supporters of this proud town will back their club, because that is who we are.', 'Flag_Waving'),
      s('Either we build the stadium, or the club dies and the town dies with it.', 'False_Dilemma-No_Choice', 'Exaggeration-Minimisation'),
      s('The planning office will publish its assessment of traffic and noise in the autumn.'),
    ],
  },
];

/** The article with this id, or undefined. */
export const articleById = (id: string): Article | undefined => ARTICLES.find((a) => a.id === id);
