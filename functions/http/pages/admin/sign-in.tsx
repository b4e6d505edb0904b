import type { Language } from '../../../domain/schemas';
import { consoleText } from './copy';
import { ConsoleLayout } from './layout';

export function SignInPage({ language, error }: { language: Language; error?: string }) {
  const text = consoleText(language);
  return (
    <ConsoleLayout title={text.signInTitle} language={language} error={error}>
      <h1>{text.signInTitle}</h1>
      <form method="post" action="/masuk" class="card">
        <p class="muted">{text.signInHint}</p>
        <label for="email">{text.email}</label>
        <input id="email" name="email" type="email" autocomplete="email" required maxlength={254} />
        <p>
          <button type="submit">{text.sendLink}</button>
        </p>
      </form>
    </ConsoleLayout>
  );
}

export function SignInSentPage({ language }: { language: Language }) {
  const text = consoleText(language);
  return (
    <ConsoleLayout title={text.sentTitle} language={language}>
      <h1>{text.sentTitle}</h1>
      <p class="alert ok">{text.sentText}</p>
    </ConsoleLayout>
  );
}
