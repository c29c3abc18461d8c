// The page's risk as a 0-100 half-circle gauge with its level word.
import type { RiskLevel } from '../../../model/types';
import { STRINGS } from '../../ui/strings';

const RADIUS = 40;
const ARC = Math.PI * RADIUS;

export function Gauge({ risk, level }: { risk: number; level: RiskLevel }) {
  const filled = (Math.max(0, Math.min(100, risk)) / 100) * ARC;
  return (
    <div class={`gauge level-${level}`} role="meter" aria-label={STRINGS.riskLabel} aria-valuemin={0} aria-valuemax={100} aria-valuenow={risk} aria-valuetext={STRINGS.gaugeValue(risk, STRINGS.level[level])}>
      <svg viewBox="0 0 100 56" aria-hidden="true">
        <path class="gauge-track" d="M10 50 A40 40 0 0 1 90 50" />
        <path class="gauge-value" d="M10 50 A40 40 0 0 1 90 50" stroke-dasharray={`${filled} ${ARC}`} />
      </svg>
      <div class="gauge-number">{risk}</div>
      <div class="gauge-level">{STRINGS.level[level]}</div>
    </div>
  );
}
