import './style.css';
import { App } from './app.js';
import { registerLanguage } from './language/register.js';

registerLanguage();
const app = new App(document.getElementById('app')!);
(window as unknown as { leadscorePlayground: ReturnType<App['api']> }).leadscorePlayground = app.api();
