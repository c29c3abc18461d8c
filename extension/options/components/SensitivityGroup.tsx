// Sensitivity: three levels, each with what it means in measured figures (strings.ts).
import type { Sensitivity } from '../../../model/manifest';
import { SENSITIVITIES } from '../../../model/manifest';
import { OPTIONS_STRINGS as S } from '../strings';
import { Choice } from './Choice';

export function SensitivityGroup({ value, onChange }: { value: Sensitivity; onChange: (value: Sensitivity) => void }) {
  const options = SENSITIVITIES.map((level) => ({ value: level, label: S.sensitivity[level], note: S.sensitivityMeaning(level) }));
  return <Choice id="sensitivity" heading={S.sensitivityHeading} hint={S.sensitivityHint} options={options} value={value} onChange={onChange} />;
}
