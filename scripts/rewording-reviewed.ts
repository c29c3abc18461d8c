// Reviewed neutral alternatives for frequent loaded English words, used by scripts/build-rewording.ts.
// Nouns/verbs whose spelling doubles as another part of speech (claims, lies, failed) are left out.
// '' means drop the word (adjectives/adverbs that only add heat). Alternatives are meant to be neutral
// and carry no political slant; they win over anything mined from WNC. Keys are lower-case.
export const REVIEWED_REWORDINGS: Record<string, string> = {
  // Verbs of attack → "criticise"
  slammed: 'criticised', slams: 'criticises', slamming: 'criticising',
  blasted: 'criticised', blasts: 'criticises', blasting: 'criticising',
  lambasted: 'criticised', lambasts: 'criticises', lambasting: 'criticising',
  ripped: 'criticised', trashed: 'criticised',
  bashed: 'criticised', bashes: 'criticises', bashing: 'criticising',
  savaged: 'criticised', skewered: 'criticised', eviscerated: 'criticised', excoriated: 'criticised',
  berated: 'criticised', scolded: 'criticised', mocked: 'criticised', smeared: 'criticised',
  // Speech verbs that presume truth or falsity → "said"
  claimed: 'said', claiming: 'saying',
  admitted: 'said', admits: 'says', admit: 'say', admitting: 'saying',
  confessed: 'said', conceded: 'said', revealed: 'said', insisted: 'said', insists: 'says',
  boasted: 'said', bragged: 'said', ranted: 'said', raged: 'said', whined: 'said', spewed: 'said',
  lied: 'said',
  // Force verbs → milder equivalents
  destroy: 'damage', destroyed: 'damaged', destroys: 'damages', destroying: 'damaging',
  devastated: 'damaged', wrecked: 'damaged', gutted: 'cut', slashed: 'cut', axed: 'cut',
  skyrocketed: 'rose', skyrocketing: 'rising', soared: 'rose', plummeted: 'fell', plunged: 'fell', tanked: 'fell',
  murdered: 'killed', slaughtered: 'killed', massacred: 'killed',
  // Loaded nouns → neutral nouns
  regime: 'government', regimes: 'governments', mob: 'crowd', mobs: 'crowds',
  thugs: 'people', thug: 'person', bombshell: 'new', rant: 'statement', tirade: 'statement',
  scheme: 'plan', schemes: 'plans', cronies: 'allies', henchmen: 'aides', propaganda: 'messaging',
  // Intensifiers and evaluative adjectives → drop
  'so-called': '', radical: '', radicals: 'activists', extremist: '', disastrous: '', shocking: '', outrageous: '',
  vile: '', horrific: '', horrendous: '', disgraceful: '', disgusting: '', shameful: '', despicable: '',
  appalling: '', atrocious: '', egregious: '', absurd: '', ridiculous: '', insane: '', crazy: '',
  pathetic: '', incompetent: '', corrupt: '', dangerous: '', reckless: '', brutal: '', draconian: '',
  stunning: '', astonishing: '', staggering: '', unprecedented: '', massive: '', huge: '', blatant: '',
  infamous: '', notorious: '', controversial: '', hysterical: '', bizarre: '',
  blatantly: '', shockingly: '', brazenly: '', brazen: '', utterly: '', totally: '', completely: '', extremely: '',
  // Flattery is loaded too
  brilliant: '', iconic: '', legendary: '', prestigious: '', heroic: '', amazing: '', incredible: '',
};

/** Mined WNC edits that must not become rules: factual nouns, hedges and slanted swaps seen once. */
export const NEVER_REWORD = new Set([
  'abortion', 'genocide', 'alleged', 'allegedly', 'terrorist', 'terrorists', 'false', 'falsely', 'racist', 'political',
  'out', 'hard', 'man', 'claims', 'correct', 'major', 'hit', 'great', 'worst', 'obscure', 'dubious', 'grotesque', 'passing', 'surprise',
]);
