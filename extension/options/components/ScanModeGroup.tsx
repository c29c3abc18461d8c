// When to check pages: automatically, or only on request from the popup.
import type { ScanMode } from '../../settings';
import { OPTIONS_STRINGS as S } from '../strings';
import { Choice } from './Choice';

const MODES: ScanMode[] = ['auto', 'click'];

export function ScanModeGroup({ value, onChange }: { value: ScanMode; onChange: (value: ScanMode) => void }) {
  return <Choice id="scan-mode" heading={S.scanModeHeading} hint={S.scanModeHint} options={MODES.map((mode) => ({ value: mode, label: S.scanMode[mode] }))} value={value} onChange={onChange} />;
}
