// The reveal: per sentence what the participant marked, the author's key and what Unspin
// flagged, with the explanations and suggested corrections. For a pasted text (no key, no
// marks) only Unspin's column shows.
import type { Finding } from '../../../model/types';
import { describeLabel as guidanceFor } from '../../ui/labels';
import { flaggedLabels, type Item } from '../mapping';
import { WS } from '../strings';
import { FindingCard, MissedCard } from './FindingCard';

export interface RevealProps {
  items: readonly Item[];
  findings: Record<string, Finding[]>;
  /** Marked item ids; undefined when nobody marked (a pasted text). */
  marks?: ReadonlySet<string>;
  /** Show only flagged items (a pasted text: neutral sentences are listed as text only). */
  heading?: string;
}

const names = (labels: readonly string[]) => labels.map((l) => guidanceFor(l as never).name).join(', ');

export function itemLabel(item: Item, items: readonly Item[]): string {
  if (item.isHeadline) return WS.headline;
  return WS.sentence(items.filter((i) => !i.isHeadline).indexOf(item) + 1);
}

export function RevealItem({ item, items, findings, marks }: { item: Item; items: readonly Item[]; findings: Finding[]; marks?: ReadonlySet<string> }) {
  const flagged = flaggedLabels(findings);
  const key = item.key;
  const marked = marks?.has(item.id) ?? false;
  const keyed = (key?.length ?? 0) > 0;
  const verdict = marks && key ? (marked === keyed ? 'agree' : 'disagree') : undefined;
  const flaggedSet = new Set(flagged);
  const missed = (key ?? []).filter((label) => !flaggedSet.has(label));
  return (
    <li class={`reveal-item${verdict ? ` ${verdict}` : ''}${flagged.length > 0 ? ' flagged' : ''}`} data-item={item.id}>
      <p class="reveal-label">
        {itemLabel(item, items)}
        {verdict && <span class="verdict">{verdict === 'agree' ? ` ✓ ${WS.agree}` : ` ✗ ${WS.disagree}`}</span>}
      </p>
      <p class="reveal-text">{item.text}</p>
      <dl class="columns">
        {marks && (
          <div class="column column-you">
            <dt>{WS.youMarked}</dt>
            <dd>{marked ? WS.yes : WS.no}</dd>
          </div>
        )}
        {key && (
          <div class="column column-key">
            <dt>{WS.authorKeyShort}</dt>
            <dd>{keyed ? names(key) : WS.none}</dd>
          </div>
        )}
        <div class="column column-unspin">
          <dt>{WS.unspinShort}</dt>
          <dd>{flagged.length > 0 ? names(flagged) : WS.nothingFlagged}</dd>
        </div>
      </dl>
      {findings.map((finding) => (
        <FindingCard key={finding.id} finding={finding} />
      ))}
      {findings.length > 0 ? null : missed.slice(0, 2).map((label) => <MissedCard key={label} label={label} />)}
    </li>
  );
}

export function Reveal({ items, findings, marks, heading = WS.revealHeading }: RevealProps) {
  return (
    <section class="reveal" aria-label={heading}>
      <h2>{heading}</h2>
      <p class="hint">{WS.fallible}</p>
      <ol class="reveal-list">
        {items.map((item) => (
          <RevealItem key={item.id} item={item} items={items} findings={findings[item.id] ?? []} marks={marks} />
        ))}
      </ol>
    </section>
  );
}
