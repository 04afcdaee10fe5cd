import './style.css';
import { loadMonacoMessages } from './monaco-nls.js';

// Monaco's strings before any Monaco module runs (monaco-nls.ts), so the app is imported after.
void loadMonacoMessages().then(async () => {
  const [{ App }, { registerLanguage }] = await Promise.all([import('./app.js'), import('./language/register.js')]);
  registerLanguage();
  const app = new App(document.getElementById('app')!);
  (window as unknown as { leadscorePlayground: ReturnType<InstanceType<typeof App>['api']> }).leadscorePlayground =
    app.api();
});
