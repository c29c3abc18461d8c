// Workshop page entry: the sample articles and the paste box, analysed by the extension's worker.
import { render } from 'preact';
import { Workshop } from './components/Workshop';
import { analyzeText } from './connection';
import { applyPageLanguage } from '../ui/page-language';

let storage: Storage | undefined;
try {
  storage = sessionStorage;
} catch {
  storage = undefined;
}
void applyPageLanguage('workshop_app_name').then(() => render(<Workshop analyze={analyzeText} storage={storage} />, document.getElementById('app')!));
