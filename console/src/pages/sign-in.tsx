import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useT } from '../i18n';
import { checkToken } from '../token-check';
import { BASE, ErrorNote, useSession } from '../ui';

export function SignInPage() {
  const t = useT();
  const { session, signIn } = useSession();
  const { route } = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError(new ApiError('BAD_USER_INPUT', t('请粘贴令牌。', 'Paste a token.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await checkToken(value); // the server refuses a token that is not valid here
      signIn(value);
      setToken('');
      route(`${BASE}/subjects`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('ERROR', String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('政务诚信 审查控制台', 'Integrity supervision console')}</h1>
      <p>
        {session.token && session.verified
          ? t(`已登录，角色为 ${session.role}。可用新令牌重新登录。`, `Signed in as ${session.role}. Sign in again with another token if needed.`)
          : t('未登录时为公众（PUBLIC）视图，只显示可公开的信息。', 'Without a token you see what the public (PUBLIC) may see.')}
      </p>
      <form class="card narrow" onSubmit={submit}>
        <label for="token">令牌 Token</label>
        <input id="token" name="token" type="password" autocomplete="off" spellcheck={false} value={token} onInput={(e) => setToken(e.currentTarget.value)} aria-describedby="token-help" />
        <p id="token-help" class="help">
          {t('令牌只保存在本次浏览器会话中。获取令牌：', 'The token is kept for this browser session only. To get one:')} <code>npx chengxin token --role INSPECTOR --sub {t('li.jiancha', 'your.name')}</code>
        </p>
        <button type="submit" disabled={busy}>
          登录 Sign in
        </button>
        {error ? <ErrorNote error={error} /> : null}
      </form>
    </section>
  );
}
