// Workshop page entry: the sample articles and the paste box, analysed by the extension's worker.
import { render } from 'preact';
import { Workshop } from './components/Workshop';
import { analyzeText } from './connection';

let storage: Storage | undefined;
try {
  storage = sessionStorage;
} catch {
  storage = undefined;
}
render(<Workshop analyze={analyzeText} storage={storage} />, document.getElementById('app')!);
